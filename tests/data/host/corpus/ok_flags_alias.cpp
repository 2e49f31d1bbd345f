// SPDX-License-Identifier: GPL-3.0-or-later
// expect: ok
// xclbin: iron-single-add
// why: flags through local constants (constexpr auto CACHEABLE = xrt::bo::flags::cacheable) and BOs held in an array by index.
#include <array>
#include <cstdint>
#include <fstream>
#include <vector>

#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_kernel.h"

constexpr auto CACHEABLE = xrt::bo::flags::cacheable;
constexpr auto HOST_ONLY = xrt::bo::flags::host_only;
constexpr unsigned int kOpcode = 3;

int main() {
  std::ifstream f("iron-single-add.insts.bin", std::ios::binary | std::ios::ate);
  std::vector<uint32_t> instr_v(static_cast<size_t>(f.tellg()) / 4);
  f.seekg(0);
  f.read(reinterpret_cast<char *>(instr_v.data()), instr_v.size() * 4);

  xrt::device device(0);
  xrt::xclbin xclbin("iron-single-add.xclbin");
  device.register_xclbin(xclbin);
  xrt::hw_context context(device, xclbin.get_uuid());
  xrt::kernel kernel(context, "MLIR_AIE");
  xrt::bo bo_instr(device, instr_v.size() * 4, CACHEABLE, kernel.group_id(1));
  std::array<xrt::bo, 3> input_buffers;
  for (int i = 0; i < 3; i++)
    input_buffers[i] = xrt::bo(device, 8192, HOST_ONLY, kernel.group_id(3 + i));
  bo_instr.write(instr_v.data());
  bo_instr.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  auto run = kernel(kOpcode, bo_instr, instr_v.size(), input_buffers[0], input_buffers[1], input_buffers[2]);
  run.wait();
  return 0;
}
