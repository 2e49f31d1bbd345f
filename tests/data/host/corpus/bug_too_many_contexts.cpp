// SPDX-License-Identifier: GPL-3.0-or-later
// expect: warning
// xclbin: iron-single-add
// why: eight hw_contexts kept alive in one process on npu1 (about 6 fit); every call is bound correctly.
// codes: too-many-hw-contexts
#include <cstdint>
#include <fstream>
#include <vector>

#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_hw_context.h"
#include "xrt/xrt_kernel.h"

constexpr int STAGES = 8;

int main() {
  std::ifstream f("corpus_add.insts.bin", std::ios::binary | std::ios::ate);
  std::vector<uint32_t> instr_v(static_cast<size_t>(f.tellg()) / 4);
  f.seekg(0);
  f.read(reinterpret_cast<char *>(instr_v.data()), instr_v.size() * 4);

  xrt::device device(0);
  xrt::xclbin xclbin("iron-single-add.xclbin");
  device.register_xclbin(xclbin);
  std::vector<xrt::hw_context> contexts;
  std::vector<xrt::kernel> kernels;
  for (int s = 0; s < STAGES; s++) {
    contexts.emplace_back(device, xclbin.get_uuid());
    kernels.emplace_back(contexts.back(), "MLIR_AIE");
  }
  for (int s = 0; s < STAGES; s++) {
    xrt::bo bo_instr(device, instr_v.size() * 4, XCL_BO_FLAGS_CACHEABLE, kernels[s].group_id(1));
    xrt::bo bo_in(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernels[s].group_id(3));
    xrt::bo bo_out(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernels[s].group_id(4));
    bo_instr.write(instr_v.data());
    bo_instr.sync(XCL_BO_SYNC_BO_TO_DEVICE);
    auto run = kernels[s](3, bo_instr, instr_v.size(), bo_in, bo_out);
    run.wait();
  }
  return 0;
}
