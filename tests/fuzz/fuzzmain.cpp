// SPDX-License-Identifier: GPL-3.0-or-later
// The libFuzzer entry point of one fuzz_<name> executable; tests/fuzz/CMakeLists.txt defines XI_FUZZ_ENTRY=<name>.
#include "fuzztargets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    return xi::fuzz::XI_FUZZ_ENTRY(data, size);
}
