# SPDX-License-Identifier: GPL-3.0-or-later
# expect: ok
# xclbin: iron-single-add
# why: a small backend object owns the kernel; the script calls backend.kernel(...) with the backend's BOs.
import numpy as np
import pyxrt as xrt


class Backend:
    def __init__(self, xclbin_path, insts_path, kernel_name="MLIR_AIE"):
        self.device = xrt.device(0)
        self.xclbin = xrt.xclbin(xclbin_path)
        self.device.register_xclbin(self.xclbin)
        self.context = xrt.hw_context(self.device, self.xclbin.get_uuid())
        self.kernel = xrt.kernel(self.context, kernel_name)
        words = np.fromfile(insts_path, dtype=np.uint32)
        self.n_instr = len(words)
        self.instr_bo = xrt.bo(self.device, words.nbytes, xrt.bo.flags.cacheable, self.kernel.group_id(1))
        self.instr_bo.write(words, 0)
        self.instr_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)

    def buffer(self, nbytes, index):
        return xrt.bo(self.device, nbytes, xrt.bo.flags.host_only, self.kernel.group_id(index))


backend = Backend("iron-single-add.xclbin", "corpus_add.insts.bin")
a_bo = backend.buffer(4096, 3)
b_bo = backend.buffer(4096, 4)
a_bo.write(np.arange(1024, dtype=np.int32), 0)
a_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
run = backend.kernel(3, backend.instr_bo, backend.n_instr, a_bo, b_bo)
run.wait()
b_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_FROM_DEVICE)
print(np.frombuffer(b_bo.read(4096, 0), dtype=np.int32)[:4])
