# SPDX-License-Identifier: GPL-3.0-or-later
# expect: warning
# xclbin: iron-single-add
# slots: 1, 2
# why: the second hw_context's BOs use raw group numbers printed for the first context (0x10000), not kernel.group_id().
# codes: slot-mismatch
import numpy as np
import pyxrt as xrt

BO_GROUP = 0x10000
INSTR_GROUP = 0x10001

device = xrt.device(0)
xclbin = xrt.xclbin("iron-single-add.xclbin")
device.register_xclbin(xclbin)
insts = np.fromfile("corpus_add.insts.bin", dtype=np.uint32)

first = xrt.hw_context(device, xclbin.get_uuid())
k1 = xrt.kernel(first, "MLIR_AIE")
second = xrt.hw_context(device, xclbin.get_uuid())
k2 = xrt.kernel(second, "MLIR_AIE")

instr1 = xrt.bo(device, insts.nbytes, xrt.bo.flags.cacheable, k1.group_id(1))
in1 = xrt.bo(device, 4096, xrt.bo.flags.host_only, k1.group_id(3))
out1 = xrt.bo(device, 4096, xrt.bo.flags.host_only, k1.group_id(4))
instr2 = xrt.bo(device, insts.nbytes, xrt.bo.flags.cacheable, INSTR_GROUP)
in2 = xrt.bo(device, 4096, xrt.bo.flags.host_only, BO_GROUP)
out2 = xrt.bo(device, 4096, xrt.bo.flags.host_only, BO_GROUP)
for bo in (instr1, instr2):
    bo.write(insts, 0)
    bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)

k1(3, instr1, len(insts), in1, out1).wait()
k2(3, instr2, len(insts), in2, out2).wait()
