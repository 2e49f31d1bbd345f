# SPDX-License-Identifier: GPL-3.0-or-later
# expect: ok
# xclbin: iron-single-add
# why: arguments are set one by one with run.set_arg(i, ...), the data BOs in a loop from index 3.
import numpy as np
import pyxrt as xrt

device = xrt.device(0)
xclbin = xrt.xclbin("iron-single-add.xclbin")
device.register_xclbin(xclbin)
ctx = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(ctx, "MLIR_AIE")

instr = np.fromfile("iron-single-add.insts.bin", dtype=np.uint32)
instr_bo = xrt.bo(device, instr.nbytes, xrt.bo.flags.cacheable, kernel.group_id(1))
instr_bo.write(instr, 0)
instr_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)

data_bos = []
for i in range(3):
    data_bos.append(xrt.bo(device, 8192, xrt.bo.flags.host_only, kernel.group_id(3 + i)))

run = xrt.run(kernel)
run.set_arg(0, 3)
run.set_arg(1, instr_bo)
run.set_arg(2, len(instr))
for i, bo in enumerate(data_bos):
    run.set_arg(3 + i, bo)
run.start()
run.wait()
data_bos[2].sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_FROM_DEVICE)
