# SPDX-License-Identifier: GPL-3.0-or-later
# An mlir-aie test.py as written before mid-2024: the old convention (instr, ninstr, in, tmp, out), the
# instruction stream read as hex text lines. Right for an old-convention kernel (Riallto); against a current
# opcode-convention xclbin it is the classic convention mix.
import argparse

import numpy as np
import pyxrt as xrt

parser = argparse.ArgumentParser()
parser.add_argument("-x", "--xclbin", default="build/final.xclbin")
parser.add_argument("-i", "--instr", default="build/insts.txt")
parser.add_argument("-k", "--kernel", default="MLIR_AIE")
opts = parser.parse_args()

INOUT_SIZE = 64 * 1024
INOUT_BYTES = INOUT_SIZE * 4

with open(opts.instr, "r") as f:
    instr_text = f.read().split("\n")
    instr_text = [l for l in instr_text if l != ""]
    instr_v = np.array([int(i, 16) for i in instr_text], dtype=np.uint32)

device = xrt.device(0)
xclbin = xrt.xclbin(opts.xclbin)
kernels = xclbin.get_kernels()
xkernel = [k for k in kernels if opts.kernel in k.get_name()][0]
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(context, xkernel.get_name())

bo_instr = xrt.bo(device, len(instr_v) * 4, xrt.bo.flags.cacheable, kernel.group_id(0))
bo_inout0 = xrt.bo(device, INOUT_BYTES, xrt.bo.flags.host_only, kernel.group_id(2))
bo_inout1 = xrt.bo(device, INOUT_BYTES, xrt.bo.flags.host_only, kernel.group_id(3))
bo_inout2 = xrt.bo(device, INOUT_BYTES, xrt.bo.flags.host_only, kernel.group_id(4))

bo_instr.write(instr_v, 0)
bo_instr.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
bo_inout0.write(np.arange(1, INOUT_SIZE + 1, dtype=np.uint32), 0)
bo_inout0.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)

h = kernel(bo_instr, len(instr_v), bo_inout0, bo_inout1, bo_inout2)
h.wait()

bo_inout2.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_FROM_DEVICE)
out = np.frombuffer(bo_inout2.read(INOUT_BYTES, 0), dtype=np.uint32)
print(f"non-zero outputs: {np.count_nonzero(out)}/{INOUT_SIZE}")
