# SPDX-License-Identifier: GPL-3.0-or-later
# expect: ok
# xclbin: iron-single-add
# slots: 1, 2
# why: two hardware contexts of one design in one process, each with its own kernel, BOs and call (slots 1 and 2).
import numpy as np
import pyxrt as xrt

device = xrt.device(0)
xclbin = xrt.xclbin("iron-single-add.xclbin")
device.register_xclbin(xclbin)
insts = np.fromfile("corpus_add.insts.bin", dtype=np.uint32)

ctx_a = xrt.hw_context(device, xclbin.get_uuid())
kern_a = xrt.kernel(ctx_a, "MLIR_AIE")
ctx_b = xrt.hw_context(device, xclbin.get_uuid())
kern_b = xrt.kernel(ctx_b, "MLIR_AIE")

instr_a = xrt.bo(device, insts.nbytes, xrt.bo.flags.cacheable, kern_a.group_id(1))
in_a = xrt.bo(device, 4096, xrt.bo.flags.host_only, kern_a.group_id(3))
out_a = xrt.bo(device, 4096, xrt.bo.flags.host_only, kern_a.group_id(4))
instr_b = xrt.bo(device, insts.nbytes, xrt.bo.flags.cacheable, kern_b.group_id(1))
in_b = xrt.bo(device, 4096, xrt.bo.flags.host_only, kern_b.group_id(3))
out_b = xrt.bo(device, 4096, xrt.bo.flags.host_only, kern_b.group_id(4))
for bo in (instr_a, instr_b):
    bo.write(insts, 0)
    bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)

run_a = kern_a(3, instr_a, len(insts), in_a, out_a)
run_b = kern_b(3, instr_b, len(insts), in_b, out_b)
run_a.wait()
run_b.wait()
