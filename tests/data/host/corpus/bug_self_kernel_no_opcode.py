# SPDX-License-Identifier: GPL-3.0-or-later
# expect: error
# xclbin: iron-single-add
# why: the seed bug inside a class: self.kernel(self.instr_bo, n, in, out) omits the opcode, every buffer shifts.
# codes: legacy-convention-mix, bo-at-scalar
# fix: 3, self.instr_bo, len(self.insts), self.a_bo, self.b_bo, self.out_bo)
import numpy as np
import pyxrt as xrt


class Runner:
    def __init__(self):
        self.device = xrt.device(0)
        xclbin = xrt.xclbin("iron-single-add.xclbin")
        self.device.register_xclbin(xclbin)
        self.ctx = xrt.hw_context(self.device, xclbin.get_uuid())
        self.kernel = xrt.kernel(self.ctx, "MLIR_AIE")
        self.insts = np.fromfile("iron-single-add.insts.bin", dtype=np.uint32)
        self.instr_bo = xrt.bo(self.device, self.insts.nbytes, xrt.bo.flags.cacheable, self.kernel.group_id(1))
        self.a_bo = xrt.bo(self.device, 8192, xrt.bo.flags.host_only, self.kernel.group_id(3))
        self.b_bo = xrt.bo(self.device, 8192, xrt.bo.flags.host_only, self.kernel.group_id(4))
        self.out_bo = xrt.bo(self.device, 8192, xrt.bo.flags.host_only, self.kernel.group_id(5))
        self.instr_bo.write(self.insts, 0)
        self.instr_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)

    def step(self):
        run = self.kernel(self.instr_bo, len(self.insts), self.a_bo, self.b_bo, self.out_bo)
        run.wait()
        self.out_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_FROM_DEVICE)


Runner().step()
