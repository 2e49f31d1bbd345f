# SPDX-License-Identifier: GPL-3.0-or-later
# expect: error
# xclbin: iron-single-add
# why: mlir-air's XRTBackend invoker given six arrays: it makes one BO per array after the opcode, instr and ninstr.
# codes: too-many-buffers
import numpy as np
from air.backend.xrt import XRTBackend, XRTCompileArtifact

backend = XRTBackend()
invoker = backend.load(XRTCompileArtifact("iron-single-add.xclbin", "MLIR_AIE", "corpus_add.insts.bin"))
arrays = [np.zeros(1024, dtype=np.int32) for _ in range(6)]
results = invoker(*arrays)
backend.unload()
