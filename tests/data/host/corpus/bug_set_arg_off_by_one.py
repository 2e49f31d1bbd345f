# SPDX-License-Identifier: GPL-3.0-or-later
# expect: error
# xclbin: iron-single-add
# why: a run.set_arg loop starts the data BOs at index 2: the first BO overwrites ninstr.
# codes: bo-at-scalar
import numpy as np
import pyxrt as xrt

device = xrt.device(0)
xclbin = xrt.xclbin("iron-single-add.xclbin")
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(context, "MLIR_AIE")

insts = np.fromfile("corpus_add.insts.bin", dtype=np.uint32)
instr_bo = xrt.bo(device, insts.nbytes, xrt.bo.flags.cacheable, kernel.group_id(1))
instr_bo.write(insts, 0)
instr_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
io = [xrt.bo(device, 4096, xrt.bo.flags.host_only, kernel.group_id(3)),
      xrt.bo(device, 4096, xrt.bo.flags.host_only, kernel.group_id(4))]

run = xrt.run(kernel)
run.set_arg(0, 3)
run.set_arg(1, instr_bo)
run.set_arg(2, len(insts))
for i in range(len(io)):
    run.set_arg(2 + i, io[i])
run.start()
run.wait()
