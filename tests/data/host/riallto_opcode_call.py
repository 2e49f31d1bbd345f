# SPDX-License-Identifier: GPL-3.0-or-later
# Bug class: the opcode convention on an old-convention (Riallto) kernel.
# kernel(3, instr_bo, n_words, ...) written for current mlir-aie, run against a kernel with no opcode.
import numpy as np
import pyxrt as xrt

WIDTH, HEIGHT = 1280, 720
IN_SIZE = WIDTH * HEIGHT * 4
OUT_SIZE = WIDTH * HEIGHT * 4


def read_insts(path):
    # Riallto's .seq: one 32-bit hex word per line
    with open(path) as f:
        return np.array([int(line, 16) for line in f if line.strip()], dtype=np.uint32)


device = xrt.device(0)
xclbin = xrt.xclbin("color_detect_720p.xclbin")
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(context, "color_detect_v1_720p")

insts = read_insts("color_detect_720p.seq")
instr_bo = xrt.bo(device, insts.nbytes, xrt.bo.flags.cacheable, kernel.group_id(1))
in_bo = xrt.bo(device, IN_SIZE, xrt.bo.flags.host_only, kernel.group_id(3))
tmp_bo = xrt.bo(device, IN_SIZE, xrt.bo.flags.host_only, kernel.group_id(4))
out_bo = xrt.bo(device, OUT_SIZE, xrt.bo.flags.host_only, kernel.group_id(5))

instr_bo.write(insts, 0)
instr_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
frame = np.zeros(IN_SIZE, dtype=np.uint8)
in_bo.write(frame, 0)
in_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)

run = kernel(3, instr_bo, len(insts), in_bo, tmp_bo, out_bo)
run.wait()

out_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_FROM_DEVICE)
out = np.frombuffer(out_bo.read(OUT_SIZE, 0), dtype=np.uint8)
print(f"non-zero outputs: {np.count_nonzero(out)}/{OUT_SIZE}")
