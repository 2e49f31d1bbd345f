# SPDX-License-Identifier: GPL-3.0-or-later
# expect: error
# xclbin: iron-single-add
# why: buffers[] holds input, output, instructions; the call passes buffers[0] (the input) at the instruction index.
# codes: missing-instr
# fix: 3, buffers[2], len(insts), buffers[0], buffers[1])
import numpy as np
import pyxrt as xrt

device = xrt.device(0)
xclbin = xrt.xclbin("iron-single-add.xclbin")
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(context, "MLIR_AIE")

insts = np.fromfile("corpus_add.insts.bin", dtype=np.uint32)
buffers = [
    xrt.bo(device, 4096, xrt.bo.flags.host_only, kernel.group_id(3)),
    xrt.bo(device, 4096, xrt.bo.flags.host_only, kernel.group_id(4)),
    xrt.bo(device, insts.nbytes, xrt.bo.flags.cacheable, kernel.group_id(1)),
]
buffers[2].write(insts, 0)
buffers[2].sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
run = kernel(3, buffers[0], len(insts), buffers[2], buffers[1])
run.wait()
