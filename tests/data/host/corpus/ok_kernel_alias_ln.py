# SPDX-License-Identifier: GPL-3.0-or-later
# expect: ok
# xclbin: iron-single-add
# why: the method takes a local alias of the attribute (kernel = self.ln_kernel) and calls the alias.
import numpy as np
import pyxrt as xrt

ELEMS = 1024


class Norm:
    def __init__(self):
        self.dev = xrt.device(0)
        xb = xrt.xclbin("iron-single-add.xclbin")
        self.dev.register_xclbin(xb)
        self.hwctx = xrt.hw_context(self.dev, xb.get_uuid())
        self.ln_kernel = xrt.kernel(self.hwctx, "MLIR_AIE")
        self.seq = np.fromfile("corpus_add.insts.bin", dtype=np.uint32)
        self.seq_bo = xrt.bo(self.dev, self.seq.nbytes, xrt.bo.flags.cacheable, self.ln_kernel.group_id(1))
        self.seq_bo.write(self.seq, 0)
        self.seq_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
        self.x_bo = xrt.bo(self.dev, ELEMS * 4, xrt.bo.flags.host_only, self.ln_kernel.group_id(3))
        self.y_bo = xrt.bo(self.dev, ELEMS * 4, xrt.bo.flags.host_only, self.ln_kernel.group_id(4))

    def run(self, x):
        kernel = self.ln_kernel
        x_bo, y_bo = self.x_bo, self.y_bo
        x_bo.write(x, 0)
        x_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
        h = kernel(3, self.seq_bo, len(self.seq), x_bo, y_bo)
        h.wait()
        y_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_FROM_DEVICE)
        return np.frombuffer(y_bo.read(ELEMS * 4, 0), dtype=np.int32)


print(Norm().run(np.zeros(ELEMS, dtype=np.int32)).sum())
