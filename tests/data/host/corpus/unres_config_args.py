# SPDX-License-Identifier: GPL-3.0-or-later
# expect: unresolved
# xclbin: iron-single-add
# why: the argument list comes from a JSON config file read at run time; which BO goes where is not in the program.
import json
import sys

import numpy as np
import pyxrt as xrt

with open(sys.argv[1]) as f:
    config = json.load(f)

device = xrt.device(0)
xclbin = xrt.xclbin(config["xclbin"])
device.register_xclbin(xclbin)
context = xrt.hw_context(device, xclbin.get_uuid())
kernel = xrt.kernel(context, config.get("kernel", "MLIR_AIE"))

insts = np.fromfile(config["insts"], dtype=np.uint32)
named = {"instr": xrt.bo(device, insts.nbytes, xrt.bo.flags.cacheable, kernel.group_id(1)), "ninstr": len(insts)}
for spec in config["buffers"]:
    named[spec["name"]] = xrt.bo(device, spec["size"], xrt.bo.flags.host_only, kernel.group_id(spec["group"]))

args = [named[a] if isinstance(a, str) else a for a in config["args"]]
run = kernel(*args)
run.wait()
