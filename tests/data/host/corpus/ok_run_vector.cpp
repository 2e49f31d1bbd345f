// SPDX-License-Identifier: GPL-3.0-or-later
// expect: ok
// xclbin: iron-single-add
// why: a list of runs: one kernel call per tile pushed into std::vector<xrt::run>, then all waited for.
#include <cstdint>
#include <fstream>
#include <vector>

#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_kernel.h"

constexpr int TILES = 4;

int main() {
  std::ifstream f("corpus_add.insts.bin", std::ios::binary | std::ios::ate);
  std::vector<uint32_t> instr_v(static_cast<size_t>(f.tellg()) / 4);
  f.seekg(0);
  f.read(reinterpret_cast<char *>(instr_v.data()), instr_v.size() * 4);

  auto device = xrt::device(0);
  auto xclbin = xrt::xclbin("iron-single-add.xclbin");
  device.register_xclbin(xclbin);
  xrt::hw_context context(device, xclbin.get_uuid());
  auto kernel = xrt::kernel(context, "MLIR_AIE");

  auto bo_instr = xrt::bo(device, instr_v.size() * sizeof(int), XCL_BO_FLAGS_CACHEABLE, kernel.group_id(1));
  bo_instr.write(instr_v.data());
  bo_instr.sync(XCL_BO_SYNC_BO_TO_DEVICE);

  std::vector<xrt::bo> ins, outs;
  for (int t = 0; t < TILES; t++) {
    ins.push_back(xrt::bo(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(3)));
    outs.push_back(xrt::bo(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(4)));
  }
  std::vector<xrt::run> runs;
  for (int t = 0; t < TILES; t++)
    runs.push_back(kernel(3, bo_instr, instr_v.size(), ins[t], outs[t]));
  for (auto &r : runs)
    r.wait();
  return 0;
}
