# SPDX-License-Identifier: GPL-3.0-or-later
# expect: unresolved
# xclbin: iron-single-add
# why: the call is built by reflection (getattr with a name assembled at run time): no reader can see its arguments.
import numpy as np
import pyxrt as xrt


class Pipeline:
    def __init__(self, device, kernel):
        self.device = device
        self.kernel = kernel

    def stage_add(self, *args):
        return self.kernel(*args)


device = xrt.device(0)
xclbin = xrt.xclbin("iron-single-add.xclbin")
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(context, "MLIR_AIE")
pipe = Pipeline(device, kernel)

insts = np.fromfile("corpus_add.insts.bin", dtype=np.uint32)
instr_bo = xrt.bo(device, insts.nbytes, xrt.bo.flags.cacheable, kernel.group_id(1))
pool = {n: xrt.bo(device, 4096, xrt.bo.flags.host_only, kernel.group_id(3 + i)) for i, n in enumerate(["x", "y"])}

stage = "stage_" + input("stage? ").strip()
argument_names = input("arguments? ").split()
step = getattr(pipe, stage)
run = step(3, instr_bo, len(insts), *[pool[n] for n in argument_names])
run.wait()
