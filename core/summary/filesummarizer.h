// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "summary/filesummary.h"

namespace xi {

// Makes a file's summary from its group verdicts (ArgumentGroups), its kernels' conventions and calls
// (CorrectedCall), and the instruction stream next to it (StreamSummary). Repeated findings become one point with a
// count; a correct file gets no alarm.
class FileSummarizer {
public:
    // Computes the verdicts for `mode` and reads the stream next to the file.
    static FileSummary summarize(const Xclbin& xclbin, SlotMode mode = {});
    // From verdicts already computed and the stream already read (nullopt: there is none).
    static FileSummary summarize(const Xclbin& xclbin, const QList<KernelGroups>& groups,
                                 const std::optional<StreamSummary>& stream);
    // "bo1, bo2" or "DPU_PDI_0.ifm, DPU_PDI_1.ifm, DPU_PDI_2.ifm and 8 more"
    static QString nameList(const QStringList& names, int shown = 4);
};

} // namespace xi
