// SPDX-License-Identifier: GPL-3.0-or-later
// Built only by the `layering` test, which expects it NOT to compile: a groups-layer target must not see the
// report layer's headers (cmake/XiDomain.cmake).
#include "groups/groupid.h"
#include "report/htmlreport.h"

int xiLayeringProbe()
{
    return 0;
}
