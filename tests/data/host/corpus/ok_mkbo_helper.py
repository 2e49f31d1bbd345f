# SPDX-License-Identifier: GPL-3.0-or-later
# expect: ok
# xclbin: iron-single-add
# why: BOs from a local helper taking the argument index (A = mkbo(3)); the instruction BO flag spelled xrt.bo.cacheable.
import numpy as np
import pyxrt as xrt

device = xrt.device(0)
xclbin = xrt.xclbin("iron-single-add.xclbin")
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(context, "MLIR_AIE")


def mkbo(index, nbytes=4096):
    return xrt.bo(device, nbytes, xrt.bo.flags.host_only, kernel.group_id(index))


def instr_buffer(path):
    words = np.fromfile(path, dtype=np.uint32)
    bo = xrt.bo(device, words.nbytes, xrt.bo.cacheable, kernel.group_id(1))
    bo.write(words, 0)
    bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
    return bo, len(words)


I, n = instr_buffer("corpus_add.insts.bin")
A = mkbo(3)
C = mkbo(4)
kernel(3, I, n, A, C).wait()
C.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_FROM_DEVICE)
