# SPDX-License-Identifier: GPL-3.0-or-later
# expect: ok
# xclbin: riallto-color-detect-720p
# why: Riallto's AppRunner drives a Riallto xclbin; the helper's old-convention call matches the kernel.
import numpy as np
from npu.runtime import AppRunner

app = AppRunner("riallto-color-detect-720p.xclbin")
frame_in = app.allocate(shape=(720, 1280, 4), dtype=np.uint8)
frame_out = app.allocate(shape=(720, 1280, 4), dtype=np.uint8)
frame_in[:] = np.random.randint(0, 255, (720, 1280, 4), dtype=np.uint8)
frame_in.sync_to_npu()
app.call(frame_in, frame_out)
frame_out.sync_from_npu()
print(frame_out.mean())
del app
