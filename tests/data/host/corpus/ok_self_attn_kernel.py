# SPDX-License-Identifier: GPL-3.0-or-later
# expect: ok
# xclbin: iron-gemm-256-1col
# why: a model layer keeps its kernel as self.attn_kernel and queues one run per head in a run list.
import numpy as np
import pyxrt as xrt

HEADS = 4
DIM = 256


class AttentionLayer:
    def __init__(self, device, xclbin_path, insts_path):
        xclbin = xrt.xclbin(xclbin_path)
        device.register_xclbin(xclbin)
        self.ctx = xrt.hw_context(device, xclbin.get_uuid())
        self.attn_kernel = xrt.kernel(self.ctx, "MLIR_AIE")
        instr = np.fromfile(insts_path, dtype=np.uint32)
        self.instr_words = instr.size
        self.instr_bo = xrt.bo(device, instr.nbytes, xrt.bo.flags.cacheable, self.attn_kernel.group_id(1))
        self.instr_bo.write(instr, 0)
        self.instr_bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
        nbytes = DIM * DIM * 2
        self.q_bos = [xrt.bo(device, nbytes, xrt.bo.flags.host_only, self.attn_kernel.group_id(3)) for _ in range(HEADS)]
        self.k_bos = [xrt.bo(device, nbytes, xrt.bo.flags.host_only, self.attn_kernel.group_id(4)) for _ in range(HEADS)]
        self.o_bos = [xrt.bo(device, DIM * DIM * 4, xrt.bo.flags.host_only, self.attn_kernel.group_id(5)) for _ in range(HEADS)]

    def forward(self, q, k):
        runs = []
        for h in range(HEADS):
            self.q_bos[h].write(q[h], 0)
            self.k_bos[h].write(k[h], 0)
            self.q_bos[h].sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
            self.k_bos[h].sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
            runs.append(self.attn_kernel(3, self.instr_bo, self.instr_words, self.q_bos[h], self.k_bos[h], self.o_bos[h]))
        for run in runs:
            run.wait()
        out = []
        for bo in self.o_bos:
            bo.sync(xrt.xclBOSyncDirection.XCL_BO_SYNC_BO_FROM_DEVICE)
            out.append(np.frombuffer(bo.read(DIM * DIM * 2, 0), dtype=np.int16))
        return out


layer = AttentionLayer(xrt.device(0), "iron-gemm-256-1col.xclbin", "iron-gemm-256-1col.insts.bin")
q = np.ones((HEADS, DIM * DIM), dtype=np.int16)
print(len(layer.forward(q, q)))
