// SPDX-License-Identifier: GPL-3.0-or-later
// Built by the `layering` test as its control: the same target reaches the layers it links.
#include "groups/groupid.h"
#include "xclbin/xclbin.h"

int xiLayeringControl()
{
    return 0;
}
