# SPDX-License-Identifier: GPL-3.0-or-later
# expect: warning
# xclbin: iron-single-add
# why: one hw_context per layer, eight in one process on npu1, more than the NPU keeps; each call itself is correct.
# codes: too-many-hw-contexts
import numpy as np
import pyxrt as xrt

LAYERS = 8

device = xrt.device(0)
xclbin = xrt.xclbin("iron-single-add.xclbin")
device.register_xclbin(xclbin)
insts = np.fromfile("corpus_add.insts.bin", dtype=np.uint32)

layers = []
for layer in range(LAYERS):
    ctx = xrt.hw_context(device, xclbin.get_uuid())
    kernel = xrt.kernel(ctx, "MLIR_AIE")
    instr_bo = xrt.bo(device, insts.nbytes, xrt.bo.flags.cacheable, kernel.group_id(1))
    instr_bo.write(insts, 0)
    instr_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
    in_bo = xrt.bo(device, 4096, xrt.bo.flags.host_only, kernel.group_id(3))
    out_bo = xrt.bo(device, 4096, xrt.bo.flags.host_only, kernel.group_id(4))
    layers.append((ctx, kernel, instr_bo, in_bo, out_bo))

for ctx, kernel, instr_bo, in_bo, out_bo in layers:
    kernel(3, instr_bo, len(insts), in_bo, out_bo).wait()
