# SPDX-License-Identifier: GPL-3.0-or-later
# expect: error
# xclbin: iron-gemm-256-1col
# why: a GEMM whose stream reads A and B and writes C, called with only A and C: C lands at B's index, C's is empty.
# codes: argument-not-passed
import numpy as np
import pyxrt as xrt

device = xrt.device(0)
xclbin = xrt.xclbin("iron-gemm-256-1col.xclbin")
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(context, "MLIR_AIE")

insts = np.fromfile("iron-gemm-256-1col.insts.bin", dtype=np.uint32)
instr_bo = xrt.bo(device, insts.nbytes, xrt.bo.flags.cacheable, kernel.group_id(1))
instr_bo.write(insts, 0)
instr_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
a_bo = xrt.bo(device, 256 * 256 * 2, xrt.bo.flags.host_only, kernel.group_id(3))
c_bo = xrt.bo(device, 256 * 256 * 4, xrt.bo.flags.host_only, kernel.group_id(4))
run = kernel(3, instr_bo, len(insts), a_bo, c_bo)
run.wait()
c_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_FROM_DEVICE)
