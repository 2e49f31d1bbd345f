# SPDX-License-Identifier: GPL-3.0-or-later
# expect: ok
# xclbin: iron-gemm-256-1col
# why: BOs live in lists filled in loops and are passed by subscript: input_buffers[i], buffers[0].
import numpy as np
import pyxrt as xrt

device = xrt.device(0)
xclbin = xrt.xclbin("iron-gemm-256-1col.xclbin")
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(context, "MLIR_AIE")

instructions = np.fromfile("iron-gemm-256-1col.insts.bin", dtype=np.uint32)
buffers = [xrt.bo(device, instructions.nbytes, xrt.bo.flags.cacheable, kernel.group_id(1))]
buffers[0].write(instructions, 0)
buffers[0].sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)

input_buffers = []
for i in range(2):
    input_buffers.append(xrt.bo(device, 256 * 256 * 2, xrt.bo.flags.host_only, kernel.group_id(3 + i)))
output_buffers = [xrt.bo(device, 256 * 256 * 4, xrt.bo.flags.host_only, kernel.group_id(5))]

for i in range(2):
    input_buffers[i].write(np.ones(256 * 256, dtype=np.int16), 0)
    input_buffers[i].sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)

run = kernel(3, buffers[0], len(instructions), input_buffers[0], input_buffers[1], output_buffers[0])
run.wait()
output_buffers[0].sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_FROM_DEVICE)
