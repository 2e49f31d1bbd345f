// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One entry per reader of outside input, each taking the bytes a user could hand the tool. The libFuzzer
// executables (fuzzmain.cpp, one per entry) and the replay of found inputs (tst_fuzzregressions) call the same
// functions, so a regression input is read exactly as it was when it was found.
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace xi::fuzz {

using Entry = int (*)(const uint8_t* data, size_t size);

int xclbin(const uint8_t* data, size_t size); // .xclbin: reader, section JSON, group IDs, summary
int metadata(const uint8_t* data, size_t size); // EMBEDDED_METADATA XML
int npy(const uint8_t* data, size_t size); // .npy
int runjson(const uint8_t* data, size_t size); // a saved run (run.json)
int instructions(const uint8_t* data, size_t size); // an NPU instruction stream
int xrtlog(const uint8_t* data, size_t size); // XRT log text
int hostprogram(const uint8_t* data, size_t size); // a host program, as Python and as C++
int mlir(const uint8_t* data, size_t size); // an mlir-aie design
int aieccinputs(const uint8_t* data, size_t size); // aiecc's JSON inputs to xclbinutil
int aiecclog(const uint8_t* data, size_t size); // aiecc's log

struct Target {
    QString name; // "xclbin": the executable is fuzz_xclbin, found inputs go to fuzz-regressions/xclbin
    Entry entry;
};
QList<Target> targets();

} // namespace xi::fuzz
