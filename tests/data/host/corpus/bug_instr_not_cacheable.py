# SPDX-License-Identifier: GPL-3.0-or-later
# expect: warning
# xclbin: iron-single-add
# why: the instruction BO is allocated through a local alias that means host_only, not cacheable.
# codes: instr-not-cacheable
import numpy as np
import pyxrt as xrt

BO_FLAGS = xrt.bo.flags.host_only

device = xrt.device(0)
xclbin = xrt.xclbin("iron-single-add.xclbin")
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(context, "MLIR_AIE")

insts = np.fromfile("corpus_add.insts.bin", dtype=np.uint32)
instr_bo = xrt.bo(device, insts.nbytes, BO_FLAGS, kernel.group_id(1))
in_bo = xrt.bo(device, 4096, BO_FLAGS, kernel.group_id(3))
out_bo = xrt.bo(device, 4096, BO_FLAGS, kernel.group_id(4))
instr_bo.write(insts, 0)
instr_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
kernel(3, instr_bo, len(insts), in_bo, out_bo).wait()
