# SPDX-License-Identifier: GPL-3.0-or-later
# expect: error
# xclbin: iron-single-add
# why: the arguments are collected in kargv and passed by subscript; the list has no opcode, so everything shifts.
# codes: legacy-convention-mix
# fix: 3, kargv[0], kargv[1], kargv[2], kargv[3])
import numpy as np
import pyxrt as xrt

device = xrt.device(0)
xclbin = xrt.xclbin("iron-single-add.xclbin")
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(context, "MLIR_AIE")

insts = np.fromfile("corpus_add.insts.bin", dtype=np.uint32)
kargv = []
kargv.append(xrt.bo(device, insts.nbytes, xrt.bo.flags.cacheable, kernel.group_id(1)))
kargv.append(len(insts))
kargv.append(xrt.bo(device, 4096, xrt.bo.flags.host_only, kernel.group_id(3)))
kargv.append(xrt.bo(device, 4096, xrt.bo.flags.host_only, kernel.group_id(4)))
kargv[0].write(insts, 0)
kargv[0].sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
run = kernel(kargv[0], kargv[1], kargv[2], kargv[3])
run.wait()
