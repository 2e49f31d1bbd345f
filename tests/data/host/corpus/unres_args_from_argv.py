# SPDX-License-Identifier: GPL-3.0-or-later
# expect: unresolved
# xclbin: iron-single-add
# why: the order of the data BOs is given on the command line (sys.argv); the reader cannot know which is passed where.
import sys

import numpy as np
import pyxrt as xrt

device = xrt.device(0)
xclbin = xrt.xclbin("iron-single-add.xclbin")
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(context, "MLIR_AIE")

insts = np.fromfile("corpus_add.insts.bin", dtype=np.uint32)
instr_bo = xrt.bo(device, insts.nbytes, xrt.bo.flags.cacheable, kernel.group_id(1))
pool = {
    "in": xrt.bo(device, 4096, xrt.bo.flags.host_only, kernel.group_id(3)),
    "out": xrt.bo(device, 4096, xrt.bo.flags.host_only, kernel.group_id(4)),
    "scratch": xrt.bo(device, 4096, xrt.bo.flags.host_only, kernel.group_id(5)),
}
order = sys.argv[1].split(",")
run = kernel(3, instr_bo, len(insts), *[pool[name] for name in order])
run.wait()
