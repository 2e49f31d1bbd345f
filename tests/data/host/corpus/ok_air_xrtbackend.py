# SPDX-License-Identifier: GPL-3.0-or-later
# expect: ok
# xclbin: iron-single-add
# why: mlir-air's XRTBackend loads a compiled artifact; its invoker calls kernel(3, instr, n, *bos) with one BO per array.
import numpy as np
from air.backend.xrt import XRTBackend, XRTCompileArtifact

backend = XRTBackend(verbose=False)
artifact = XRTCompileArtifact("iron-single-add.xclbin", "MLIR_AIE", "corpus_add.insts.bin")
invoker = backend.load(artifact)

a = np.arange(1024, dtype=np.int32)
c = np.zeros(1024, dtype=np.int32)
_, c = invoker(a, c)
backend.unload()
print(c[:8])
