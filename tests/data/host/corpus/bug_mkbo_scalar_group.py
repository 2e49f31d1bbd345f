# SPDX-License-Identifier: GPL-3.0-or-later
# expect: error
# xclbin: iron-single-add
# why: a local helper allocates the input with mkbo(2): group 2 is the scalar ninstr, which has no memory.
# codes: bo-from-scalar-group
import numpy as np
import pyxrt as xrt

device = xrt.device(0)
xclbin = xrt.xclbin("iron-single-add.xclbin")
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(context, "MLIR_AIE")


def mkbo(group, nbytes=4096, flags=xrt.bo.flags.host_only):
    return xrt.bo(device, nbytes, flags, kernel.group_id(group))


insts = np.fromfile("corpus_add.insts.bin", dtype=np.uint32)
I = mkbo(1, insts.nbytes, xrt.bo.flags.cacheable)
A = mkbo(2)
B = mkbo(4)
I.write(insts, 0)
I.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
A.write(np.arange(1024, dtype=np.int32), 0)
A.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
kernel(3, I, len(insts), A, B).wait()
