# SPDX-License-Identifier: GPL-3.0-or-later
# expect: error
# xclbin: iron-single-add
# why: two calls on one kernel: the warm-up call is right, the timed call drops ninstr so the input lands on index 2.
# codes: bo-at-scalar
# fix: 3, instr_bo, len(insts), in_bo, out_bo)
import time

import numpy as np
import pyxrt as xrt

device = xrt.device(0)
xclbin = xrt.xclbin("iron-single-add.xclbin")
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(context, "MLIR_AIE")

insts = np.fromfile("corpus_add.insts.bin", dtype=np.uint32)
instr_bo = xrt.bo(device, insts.nbytes, xrt.bo.flags.cacheable, kernel.group_id(1))
in_bo = xrt.bo(device, 4096, xrt.bo.flags.host_only, kernel.group_id(3))
out_bo = xrt.bo(device, 4096, xrt.bo.flags.host_only, kernel.group_id(4))
instr_bo.write(insts, 0)
instr_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)

warmup = kernel(3, instr_bo, len(insts), in_bo, out_bo)
warmup.wait()

start = time.perf_counter()
for _ in range(10):
    run = kernel(3, instr_bo, in_bo, out_bo)
    run.wait()
print("avg us", (time.perf_counter() - start) / 10 * 1e6)
