# SPDX-License-Identifier: GPL-3.0-or-later
# expect: ok
# xclbin: iron-single-add
# why: the kernel, the BOs and the word count are attributes of a class; the call is self.kernel(3, ...).
import numpy as np
import pyxrt as xrt


class Add:
    def __init__(self, xclbin_path, insts_path, size=2048):
        self.size = size
        self.device = xrt.device(0)
        self.xclbin = xrt.xclbin(xclbin_path)
        self.device.register_xclbin(self.xclbin)
        self.context = xrt.hw_context(self.device, self.xclbin.get_uuid())
        self.kernel = xrt.kernel(self.context, "MLIR_AIE")
        self.insts = np.fromfile(insts_path, dtype=np.uint32)
        self.n_instr = len(self.insts)
        self.instr_bo = xrt.bo(self.device, self.insts.nbytes, xrt.bo.flags.cacheable, self.kernel.group_id(1))
        self.a_bo = xrt.bo(self.device, size * 4, xrt.bo.flags.host_only, self.kernel.group_id(3))
        self.b_bo = xrt.bo(self.device, size * 4, xrt.bo.flags.host_only, self.kernel.group_id(4))
        self.out_bo = xrt.bo(self.device, size * 4, xrt.bo.flags.host_only, self.kernel.group_id(5))
        self.instr_bo.write(self.insts, 0)
        self.instr_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)

    def __call__(self, a, b):
        for bo, values in ((self.a_bo, a), (self.b_bo, b)):
            bo.write(values.astype(np.int32), 0)
            bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
        run = self.kernel(3, self.instr_bo, self.n_instr, self.a_bo, self.b_bo, self.out_bo)
        run.wait()
        self.out_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_FROM_DEVICE)
        return np.frombuffer(self.out_bo.read(self.size * 4, 0), dtype=np.int32)


if __name__ == "__main__":
    add = Add("iron-single-add.xclbin", "iron-single-add.insts.bin")
    result = add(np.arange(2048), np.ones(2048))
    print("max", result.max())
