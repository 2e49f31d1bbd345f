# SPDX-License-Identifier: GPL-3.0-or-later
# expect: error
# xclbin: riallto-color-detect-720p
# insts: corpus_legacy.insts.bin
# why: ninstr is the byte size of a legacy (header-less) stream; there the count is all the NPU has: an error.
# codes: ninstr-mismatch
import os

import numpy as np
import pyxrt as xrt

SEQ = "corpus_legacy.insts.bin"
device = xrt.device(0)
xclbin = xrt.xclbin("riallto-color-detect-720p.xclbin")
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(context, "color_detect_v1_720p")

seq = np.fromfile(SEQ, dtype=np.uint32)
seq_bytes = os.path.getsize(SEQ)
instr_bo = xrt.bo(device, seq.nbytes, xrt.bo.flags.cacheable, kernel.group_id(0))
in_bo = xrt.bo(device, 1280 * 720 * 4, xrt.bo.flags.host_only, kernel.group_id(2))
tmp_bo = xrt.bo(device, 1280 * 720 * 4, xrt.bo.flags.host_only, kernel.group_id(3))
out_bo = xrt.bo(device, 1280 * 720 * 4, xrt.bo.flags.host_only, kernel.group_id(4))
instr_bo.write(seq, 0)
instr_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
run = kernel(instr_bo, seq_bytes, in_bo, tmp_bo, out_bo)
run.wait()
