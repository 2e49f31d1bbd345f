# SPDX-License-Identifier: GPL-3.0-or-later
# expect: ok
# xclbin: iron-single-add
# why: mlir-aie's NPUKernel run by DefaultNPURuntime; the helper calls kernel(3, insts_bo, n, *buffers) itself.
import numpy as np
from aie.iron import tensor
from aie.utils import DefaultNPURuntime, NPUKernel

npu_kernel = NPUKernel("iron-single-add.xclbin", "iron-single-add.insts.bin", kernel_name="MLIR_AIE")
handle = DefaultNPURuntime.load(npu_kernel)

a = tensor(np.arange(2048, dtype=np.int32))
b = tensor(np.ones(2048, dtype=np.int32))
c = tensor(np.zeros(2048, dtype=np.int32))
DefaultNPURuntime.run(handle, [a, b, c])
assert (c.numpy() == a.numpy() + b.numpy()).all()
