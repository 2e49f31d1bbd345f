# SPDX-License-Identifier: GPL-3.0-or-later
# expect: ok
# xclbin: iron-single-add
# why: the output BO and the size are chosen in if/else branches; both branches bind correctly.
import sys

import numpy as np
import pyxrt as xrt

trace = "--trace" in sys.argv
device = xrt.device(0)
xclbin = xrt.xclbin("iron-single-add.xclbin")
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(context, "MLIR_AIE")

if trace:
    out_size = 4096 + 8192
else:
    out_size = 4096

insts = np.fromfile("corpus_add.insts.bin", dtype=np.uint32)
instr_bo = xrt.bo(device, insts.nbytes, xrt.bo.flags.cacheable, kernel.group_id(1))
in_bo = xrt.bo(device, 4096, xrt.bo.flags.host_only, kernel.group_id(3))
if trace:
    out_bo = xrt.bo(device, out_size, xrt.bo.flags.host_only, kernel.group_id(4))
else:
    out_bo = xrt.bo(device, out_size, xrt.bo.flags.host_only, kernel.group_id(4))
instr_bo.write(insts, 0)
instr_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
run = kernel(3, instr_bo, len(insts), in_bo, out_bo)
run.wait()
