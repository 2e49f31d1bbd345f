// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/flushdenormals.h"

#if defined(__SSE2__)
#include <xmmintrin.h>
#define XI_HAS_MXCSR 1
#endif

namespace xi {

namespace {
#ifdef XI_HAS_MXCSR
constexpr unsigned FlushToZero = 0x8000; // MXCSR bit 15
constexpr unsigned DenormalsAreZero = 0x0040; // MXCSR bit 6
#endif
} // namespace

FlushDenormals::FlushDenormals()
{
#ifdef XI_HAS_MXCSR
    m_saved = _mm_getcsr();
    _mm_setcsr(m_saved | FlushToZero | DenormalsAreZero);
#endif
}

FlushDenormals::~FlushDenormals()
{
#ifdef XI_HAS_MXCSR
    _mm_setcsr(m_saved);
#endif
}

bool FlushDenormals::active()
{
#ifdef XI_HAS_MXCSR
    const unsigned mode = FlushToZero | DenormalsAreZero;
    return (_mm_getcsr() & mode) == mode;
#else
    return false;
#endif
}

} // namespace xi
