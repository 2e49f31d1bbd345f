// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace xi {

// The JSON inputs aiecc hands to xclbinutil, found in an aiecc project folder (`<design>.prj/`) or a folder such as
// kernels/attention/aiecc: *_kernels.json, *_mem_topology.json, *_aie_partition.json (the main_ ones first).
struct RepackageInputs {
    QString kernels;
    QString memTopology;
    QString aiePartition;

    // nullopt with *error naming the folder and the file that is missing.
    static std::optional<RepackageInputs> find(const QString& folder, QString* error);
};

struct RepackageResult {
    bool ok = false;
    QString error; // names the file and what was expected there
    QString output;
    qint64 bytes = 0;
    RepackageInputs inputs;
    QString backup; // the replaced output kept as output.bak, when there was one

    QString sentence() const; // "Repackaged ... from ... (no aiecc involved)"
    QJsonObject toJson() const;
};

// Without aiecc: rebuilds the xclbin from a project folder's JSON inputs with our writer, which is what aiecc's
// last step does with xclbinutil. A user who edits main_kernels.json can rebuild this way. It repackages the
// inputs as they are: nothing is compiled, so a change of the .mlir design does not reach the file.
class Repackage {
public:
    // An existing output is replaced only with `overwrite`, and then kept as output.bak first.
    static RepackageResult run(const QString& folder, const QString& output, bool overwrite);
};

} // namespace xi
