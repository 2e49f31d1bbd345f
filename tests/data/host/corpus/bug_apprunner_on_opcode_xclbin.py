# SPDX-License-Identifier: GPL-3.0-or-later
# expect: error
# xclbin: iron-single-add
# why: Riallto's AppRunner (old convention: instr, ninstr, buffers) used on an opcode-convention mlir-aie xclbin.
# codes: legacy-convention-mix
import numpy as np
from npu.runtime import AppRunner

app = AppRunner("iron-single-add.xclbin")
a = app.allocate(shape=(1024,), dtype=np.int32)
c = app.allocate(shape=(1024,), dtype=np.int32)
a[:] = np.arange(1024, dtype=np.int32)
a.sync_to_npu()
app.call(a, c)
c.sync_from_npu()
print(c[:8])
