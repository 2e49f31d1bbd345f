// SPDX-License-Identifier: GPL-3.0-or-later
// expect: warning
// xclbin: iron-single-add
// why: the instruction BO is allocated xrt::bo::flags::host_only instead of cacheable.
// codes: instr-not-cacheable
#include <cstdint>
#include <fstream>
#include <vector>

#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_kernel.h"

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
  auto bo_instr = xrt::bo(device, instr_v.size() * 4, xrt::bo::flags::host_only, kernel.group_id(1));
  auto bo_in = xrt::bo(device, 4096, xrt::bo::flags::host_only, kernel.group_id(3));
  auto bo_out = xrt::bo(device, 4096, xrt::bo::flags::host_only, kernel.group_id(4));
  bo_instr.write(instr_v.data());
  bo_instr.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  auto run = kernel(3, bo_instr, instr_v.size(), bo_in, bo_out);
  run.wait();
  return 0;
}
