# SPDX-License-Identifier: GPL-3.0-or-later
# expect: error
# xclbin: iron-single-add
# why: six data BOs passed as *bos to a kernel with five bo slots (bo0..bo4).
# codes: too-many-buffers
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
bos = [xrt.bo(device, 4096, xrt.bo.flags.host_only, kernel.group_id(3 + i)) for i in range(5)]
bos.append(xrt.bo(device, 4096, xrt.bo.flags.host_only, kernel.group_id(7)))
run = kernel(3, instr_bo, len(insts), *bos)
run.wait()
