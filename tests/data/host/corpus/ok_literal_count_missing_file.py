# SPDX-License-Identifier: GPL-3.0-or-later
# expect: ok
# xclbin: iron-single-add
# why: ninstr is a literal (68) for the program's own stream build/insts.bin, which is missing: unverifiable, no alarm, no substitute file.
# codes: insts-file-missing
import numpy as np
import pyxrt as xrt

N_WORDS = 68

device = xrt.device(0)
xclbin = xrt.xclbin("build/final.xclbin")
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(context, "MLIR_AIE")

insts = np.fromfile("build/insts.bin", dtype=np.uint32)
instr_bo = xrt.bo(device, N_WORDS * 4, xrt.bo.flags.cacheable, kernel.group_id(1))
in_bo = xrt.bo(device, 4096, xrt.bo.flags.host_only, kernel.group_id(3))
out_bo = xrt.bo(device, 4096, xrt.bo.flags.host_only, kernel.group_id(4))
instr_bo.write(insts, 0)
instr_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
run = kernel(3, instr_bo, N_WORDS, in_bo, out_bo)
run.wait()
