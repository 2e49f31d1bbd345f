# SPDX-License-Identifier: GPL-3.0-or-later
# expect: error
# xclbin: iron-single-add
# why: an xclbin-flow program copies the ELF-flow call k(3, 0, 0, ...): no instruction buffer, the NPU runs nothing.
# codes: missing-instr
import numpy as np
import pyxrt as xrt

device = xrt.device(0)
xclbin = xrt.xclbin("iron-single-add.xclbin")
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(context, "MLIR_AIE")

a = xrt.bo(device, 4096, xrt.bo.flags.host_only, kernel.group_id(3))
b = xrt.bo(device, 4096, xrt.bo.flags.host_only, kernel.group_id(4))
a.write(np.ones(1024, dtype=np.int32), 0)
a.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
run = kernel(3, 0, 0, a, b)
run.wait()
b.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_FROM_DEVICE)
