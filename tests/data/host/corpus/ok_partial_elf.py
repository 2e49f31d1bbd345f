# SPDX-License-Identifier: GPL-3.0-or-later
# expect: ok
# xclbin: iron-single-add
# why: partial-ELF flow (xrt.elf, xrt.module, xrt.ext.kernel): k(3, 0, 0, bo0, bo1) is correct there, no connectivity check.
import numpy as np
import pyxrt as xrt

device = xrt.device(0)
xclbin = xrt.xclbin("iron-single-add.xclbin")
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
elf = xrt.elf("insts.elf")
module = xrt.module(elf)
kernel = xrt.ext.kernel(context, module, "MLIR_AIE")

bo_in = xrt.ext.bo(device, 4096)
bo_out = xrt.ext.bo(device, 4096)
bo_in.write(np.arange(1024, dtype=np.int32), 0)
bo_in.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
run = kernel(3, 0, 0, bo_in, bo_out)
run.wait()
bo_out.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_FROM_DEVICE)
