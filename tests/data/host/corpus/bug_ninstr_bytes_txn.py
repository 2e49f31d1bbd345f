# SPDX-License-Identifier: GPL-3.0-or-later
# expect: warning
# xclbin: iron-single-add
# why: ninstr is the byte count of a TXN stream (f.read()); the header carries the size, so a warning, not an error.
# codes: ninstr-mismatch
# fix: len(insts) // 4
import numpy as np
import pyxrt as xrt

device = xrt.device(0)
xclbin = xrt.xclbin("iron-single-add.xclbin")
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(context, "MLIR_AIE")

with open("iron-single-add.insts.bin", "rb") as f:
    insts = f.read()
instr_bo = xrt.bo(device, len(insts), xrt.bo.flags.cacheable, kernel.group_id(1))
instr_bo.write(insts, 0)
instr_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
input_a = xrt.bo(device, 8192, xrt.bo.flags.host_only, kernel.group_id(3))
input_b = xrt.bo(device, 8192, xrt.bo.flags.host_only, kernel.group_id(4))
output_bo = xrt.bo(device, 8192, xrt.bo.flags.host_only, kernel.group_id(5))
run = kernel(3, instr_bo, len(insts), input_a, input_b, output_bo)
run.wait()
