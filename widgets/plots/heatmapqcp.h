// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// QCustomPlot 2.1's header uses `foreach` in template bodies, which QT_NO_FOREACH removes. Give it a range-for
// for the length of the include only, so the project keeps QT_NO_FOREACH. Include this instead of <qcustomplot.h>.
#ifndef foreach
#define XI_QCP_FOREACH_SHIM
#define foreach(variable, container) for (variable : container) // NOLINT(bugprone-macro-parentheses)
#endif
#include <qcustomplot.h>
#ifdef XI_QCP_FOREACH_SHIM
#undef foreach
#undef XI_QCP_FOREACH_SHIM
#endif
