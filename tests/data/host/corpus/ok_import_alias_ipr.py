# SPDX-License-Identifier: GPL-3.0-or-later
# expect: ok
# xclbin: iron-single-add
# why: pyxrt imported under another name (import pyxrt as ipr) and the flag spelled ipr.bo.cacheable.
import numpy as np
import pyxrt as ipr

dev = ipr.device(0)
xb = ipr.xclbin("iron-single-add.xclbin")
dev.register_xclbin(xb)
hw = ipr.hw_context(dev, xb.get_uuid())
krn = ipr.kernel(hw, "MLIR_AIE")

prog = np.fromfile("corpus_add.insts.bin", dtype=np.uint32)
prog_bo = ipr.bo(dev, prog.nbytes, ipr.bo.cacheable, krn.group_id(1))
src = ipr.bo(dev, 4096, ipr.bo.host_only, krn.group_id(3))
dst = ipr.bo(dev, 4096, ipr.bo.host_only, krn.group_id(4))
prog_bo.write(prog, 0)
prog_bo.sync(ipr.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)
src.write(np.full(1024, 7, dtype=np.int32), 0)
src.sync(ipr.xclBOSyncDirection.XCL_BO_SYNC_BO_TO_DEVICE)

handle = krn(3, prog_bo, prog.size, src, dst)
handle.wait()
dst.sync(ipr.xclBOSyncDirection.XCL_BO_SYNC_BO_FROM_DEVICE)
print(np.frombuffer(dst.read(4096, 0), dtype=np.int32)[0])
