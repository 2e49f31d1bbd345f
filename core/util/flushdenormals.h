// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace xi {

// While alive, the calling thread's float unit flushes subnormal results to zero and reads subnormal inputs as
// zero (x86 MXCSR FTZ and DAZ). A softmax leaves values near 1e-39 where the exact result underflows; every
// later multiplication on such a value takes a slow microcode path, tens of times slower, for a difference
// below 1e-38. The previous mode is restored on destruction, so callers outside the guarded scope keep IEEE
// behaviour. Elsewhere than x86 it does nothing.
class FlushDenormals {
public:
    FlushDenormals();
    ~FlushDenormals();
    FlushDenormals(const FlushDenormals&) = delete;
    FlushDenormals& operator=(const FlushDenormals&) = delete;

    // Whether this thread flushes subnormals now (true inside a guard on x86).
    static bool active();

private:
    unsigned m_saved = 0;
};

} // namespace xi
