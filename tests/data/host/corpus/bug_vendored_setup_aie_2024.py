# SPDX-License-Identifier: GPL-3.0-or-later
# expect: error
# xclbin: iron-single-add
# why: the program carries its own copy of a 2024-style AIE application helper (buffers at group_id 2/3/4, no opcode).
# codes: legacy-convention-mix
import numpy as np
import pyxrt as xrt


class AIEBuffer:
    def __init__(self, app, group, shape, dtype):
        self.shape, self.dtype = shape, dtype
        nbytes = int(np.prod(shape)) * np.dtype(dtype).itemsize
        self.bo = xrt.bo(app.device, nbytes, xrt.bo.flags.host_only, app.kernel.group_id(group))

    def write(self, values):
        self.bo.write(values.view(np.uint8), 0)
        self.bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)


class AIEApp:
    def __init__(self, xclbin_path, insts_path, kernel_name="MLIR_AIE"):
        self.device = xrt.device(0)
        self.xclbin = xrt.xclbin(xclbin_path)
        self.device.register_xclbin(self.xclbin)
        self.context = xrt.hw_context(self.device, self.xclbin.get_uuid())
        self.kernel = xrt.kernel(self.context, kernel_name)
        insts = np.fromfile(insts_path, dtype=np.uint32)
        self.n_instructions = len(insts)
        self.insts_bo = xrt.bo(self.device, insts.nbytes, xrt.bo.flags.cacheable, self.kernel.group_id(0))
        self.insts_bo.write(insts, 0)
        self.insts_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
        self.buffers = [None] * 8

    def register_buffer(self, group, shape, dtype):
        self.buffers[group] = AIEBuffer(self, group, shape, dtype)

    def call(self):
        bos = [b.bo for b in self.buffers if b is not None]
        handle = self.kernel(self.insts_bo, self.n_instructions, *bos)
        handle.wait()


app = AIEApp("iron-single-add.xclbin", "corpus_add.insts.bin")
app.register_buffer(2, (1024,), np.int32)
app.register_buffer(3, (1024,), np.int32)
app.buffers[2].write(np.arange(1024, dtype=np.int32))
app.call()
