# SPDX-License-Identifier: GPL-3.0-or-later
# expect: ok
# xclbin: iron-single-add
# why: plain import pyxrt; the flags come through module-level aliases (CACHEABLE = pyxrt.bo.flags.cacheable).
import numpy as np
import pyxrt

CACHEABLE = pyxrt.bo.flags.cacheable
HOST_ONLY = pyxrt.bo.flags.host_only
TO_DEVICE = pyxrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE
FROM_DEVICE = pyxrt.xclBOSyncDirection.XCL_BO_SYNC_BO_FROM_DEVICE
OPCODE = 3

device = pyxrt.device(0)
xclbin = pyxrt.xclbin("iron-single-add.xclbin")
device.register_xclbin(xclbin)
context = pyxrt.hw_context(device, xclbin.get_uuid())
kernel = pyxrt.kernel(context, "MLIR_AIE")

insts = np.fromfile("corpus_add.insts.bin", dtype=np.uint32)
bo_instr = pyxrt.bo(device, insts.nbytes, CACHEABLE, kernel.group_id(1))
bo_in = pyxrt.bo(device, 4096, HOST_ONLY, kernel.group_id(3))
bo_out = pyxrt.bo(device, 4096, HOST_ONLY, kernel.group_id(4))
bo_instr.write(insts, 0)
bo_instr.sync(TO_DEVICE)
bo_in.sync(TO_DEVICE)
kernel(OPCODE, bo_instr, len(insts), bo_in, bo_out).wait()
bo_out.sync(FROM_DEVICE)
