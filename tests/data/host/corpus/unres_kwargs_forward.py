# SPDX-License-Identifier: GPL-3.0-or-later
# expect: unresolved
# xclbin: iron-single-add
# why: the launch goes through **kwargs forwarding into a callable chosen by the caller; the order is not visible.
import numpy as np
import pyxrt as xrt


def launch(fn, **kwargs):
    order = kwargs.pop("order")
    return fn(*[kwargs[name] for name in order])


device = xrt.device(0)
xclbin = xrt.xclbin("iron-single-add.xclbin")
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(context, "MLIR_AIE")

insts = np.fromfile("corpus_add.insts.bin", dtype=np.uint32)
plan = {
    "opcode": 3,
    "instr": xrt.bo(device, insts.nbytes, xrt.bo.flags.cacheable, kernel.group_id(1)),
    "ninstr": len(insts),
    "src": xrt.bo(device, 4096, xrt.bo.flags.host_only, kernel.group_id(3)),
    "dst": xrt.bo(device, 4096, xrt.bo.flags.host_only, kernel.group_id(4)),
}
plan["order"] = open("order.txt").read().split()
launch(kernel, **plan).wait()
