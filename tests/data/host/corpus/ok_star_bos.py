# SPDX-License-Identifier: GPL-3.0-or-later
# expect: ok
# xclbin: iron-single-add
# why: the data BOs are passed as *bos, a list built right before the call.
import numpy as np
import pyxrt as xrt

device = xrt.device(0)
xclbin = xrt.xclbin("iron-single-add.xclbin")
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(context, "MLIR_AIE")

insts = np.fromfile("iron-single-add.insts.bin", dtype=np.uint32)
instr_bo = xrt.bo(device, insts.nbytes, xrt.bo.flags.cacheable, kernel.group_id(1))
instr_bo.write(insts, 0)
instr_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)

sizes = [8192, 8192, 8192]
bos = [xrt.bo(device, sizes[0], xrt.bo.flags.host_only, kernel.group_id(3)),
       xrt.bo(device, sizes[1], xrt.bo.flags.host_only, kernel.group_id(4)),
       xrt.bo(device, sizes[2], xrt.bo.flags.host_only, kernel.group_id(5))]
run = kernel(3, instr_bo, len(insts), *bos)
run.wait()
bos[-1].sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_FROM_DEVICE)
