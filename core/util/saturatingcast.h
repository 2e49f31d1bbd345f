// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cmath>
#include <limits>
#include <type_traits>

namespace xi {

// A double from an outside file (JSON) as an integer: NaN is 0 and values outside T's range saturate, where a plain
// conversion would be undefined behaviour.
template<typename T>
T saturatingCast(double value)
{
    static_assert(std::is_integral_v<T> && std::is_signed_v<T>);
    if (std::isnan(value))
        return 0;
    // Both bounds are powers of two, exact as doubles; the upper one is one past T's maximum.
    constexpr double low = double(std::numeric_limits<T>::min());
    constexpr double pastHigh = -low;
    if (value <= low)
        return std::numeric_limits<T>::min();
    if (value >= pastHigh)
        return std::numeric_limits<T>::max();
    return T(value);
}

} // namespace xi
