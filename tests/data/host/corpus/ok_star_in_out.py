# SPDX-License-Identifier: GPL-3.0-or-later
# expect: ok
# xclbin: iron-gemm-256-1col
# why: inputs and outputs are separate lists passed as *in_bos, *out_bos after the instruction arguments.
import numpy as np
import pyxrt as xrt

M = K = N = 256


def load_words(path):
    return np.fromfile(path, dtype=np.uint32)


device = xrt.device(0)
xclbin = xrt.xclbin("iron-gemm-256-1col.xclbin")
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(context, "MLIR_AIE")

instr_v = load_words("iron-gemm-256-1col.insts.bin")
instr_bo = xrt.bo(device, instr_v.nbytes, xrt.bo.flags.cacheable, kernel.group_id(1))
instr_bo.write(instr_v, 0)
instr_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)

in_bos = [
    xrt.bo(device, M * K * 2, xrt.bo.flags.host_only, kernel.group_id(3)),
    xrt.bo(device, K * N * 2, xrt.bo.flags.host_only, kernel.group_id(4)),
]
out_bos = [xrt.bo(device, M * N * 4, xrt.bo.flags.host_only, kernel.group_id(5))]
for bo in in_bos:
    bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)

run = kernel(3, instr_bo, len(instr_v), *in_bos, *out_bos)
run.wait()
out_bos[0].sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_FROM_DEVICE)
