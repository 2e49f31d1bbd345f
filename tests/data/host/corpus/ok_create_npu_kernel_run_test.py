# SPDX-License-Identifier: GPL-3.0-or-later
# expect: ok
# xclbin: iron-single-add
# why: mlir-aie's test_utils.create_npu_kernel(opts) and DefaultNPURuntime.run_test with one input and one output.
import argparse

import numpy as np
import aie.utils.test as test_utils
from aie.utils import DefaultNPURuntime


def main():
    parser = test_utils.create_default_argparser()
    opts = parser.parse_args(["-x", "iron-single-add.xclbin", "-i", "corpus_add.insts.bin", "-k", "MLIR_AIE"])
    npu_kernel = test_utils.create_npu_kernel(opts)
    data = np.arange(1024, dtype=np.int32)
    ref = data + 1
    errors = DefaultNPURuntime.run_test(npu_kernel, [data, ref], {}, verify=True, verbosity=opts.verbosity)
    print("PASS!" if errors == 0 else f"{errors} mismatches")


if __name__ == "__main__":
    main()
