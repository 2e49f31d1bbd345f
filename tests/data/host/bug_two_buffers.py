# SPDX-License-Identifier: GPL-3.0-or-later
# Bug class: only the data buffers passed (docs/domain.md section 6).
# kernel(input_bo, output_bo): BOs land at the scalar opcode and the instruction index.
import numpy as np
import pyxrt as xrt

XCLBIN = "build/final.xclbin"
INSTS = "build/insts.bin"
IN_SIZE = 64 * 64 * 3
OUT_SIZE = 64 * 64

device = xrt.device(0)
xclbin = xrt.xclbin(XCLBIN)
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(context, "MLIR_AIE")

insts = np.fromfile(INSTS, dtype=np.uint32)
instr_bo = xrt.bo(device, insts.nbytes, xrt.bo.flags.cacheable, kernel.group_id(1))
input_bo = xrt.bo(device, IN_SIZE, xrt.bo.flags.host_only, kernel.group_id(3))
output_bo = xrt.bo(device, OUT_SIZE, xrt.bo.flags.host_only, kernel.group_id(4))

instr_bo.write(insts, 0)
instr_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
data = np.random.randint(-64, 64, IN_SIZE, dtype=np.int8)
input_bo.write(data, 0)
input_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)

run = kernel(input_bo, output_bo)
state = run.wait(1000)

output_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_FROM_DEVICE)
output = np.frombuffer(output_bo.read(OUT_SIZE, 0), dtype=np.int8)
print(f"state {state}, non-zero outputs: {np.count_nonzero(output)}/{OUT_SIZE}")
