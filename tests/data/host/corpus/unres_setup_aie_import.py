# SPDX-License-Identifier: GPL-3.0-or-later
# expect: unresolved
# xclbin: iron-single-add
# why: mlir-aie's imported setup_aie/execute make the call; their layout changed in 2024, so the installed version decides.
import numpy as np
from aie.utils.xrt import execute, setup_aie

app = setup_aie(
    "iron-single-add.xclbin",
    "corpus_add.insts.bin",
    (1024,),
    np.int32,
    None,
    None,
    (1024,),
    np.int32,
)
result = execute(app, np.arange(1024, dtype=np.int32))
print(result[:8])
