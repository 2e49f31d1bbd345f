# SPDX-License-Identifier: GPL-3.0-or-later
# expect: error
# xclbin: riallto-color-detect-720p
# why: ninstr is the byte size (nbytes) of a legacy (header-less) Riallto stream; there the count is all the NPU has.
# codes: ninstr-mismatch
import numpy as np
import pyxrt as xrt

SEQ = "riallto-color-detect-720p.seq"
FRAME = 1280 * 720 * 4


def read_seq(path):
    with open(path) as f:
        return np.array([int(line, 16) for line in f if line.strip()], dtype=np.uint32)


device = xrt.device(0)
xclbin = xrt.xclbin("riallto-color-detect-720p.xclbin")
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(context, "color_detect_v1_720p")

seq = read_seq(SEQ)
instr_bo = xrt.bo(device, seq.nbytes, xrt.bo.flags.cacheable, kernel.group_id(0))
in_bo = xrt.bo(device, FRAME, xrt.bo.flags.host_only, kernel.group_id(2))
out_bo = xrt.bo(device, FRAME, xrt.bo.flags.host_only, kernel.group_id(3))
instr_bo.write(seq, 0)
instr_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
run = kernel(instr_bo, seq.nbytes, in_bo, out_bo)
run.wait()
out_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_FROM_DEVICE)
