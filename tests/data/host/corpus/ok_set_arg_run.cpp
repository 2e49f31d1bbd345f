// SPDX-License-Identifier: GPL-3.0-or-later
// expect: ok
// xclbin: iron-gemm-256-1col
// why: xrt::run with set_arg per index, the data BOs from a std::vector in a loop starting at index 3.
#include <cstdint>
#include <fstream>
#include <vector>

#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_kernel.h"

int main() {
  std::ifstream f("iron-gemm-256-1col.insts.bin", std::ios::binary | std::ios::ate);
  std::vector<uint32_t> instr_v(static_cast<size_t>(f.tellg()) / sizeof(uint32_t));
  f.seekg(0);
  f.read(reinterpret_cast<char *>(instr_v.data()), instr_v.size() * sizeof(uint32_t));

  xrt::device device(0);
  xrt::xclbin xclbin("iron-gemm-256-1col.xclbin");
  device.register_xclbin(xclbin);
  xrt::hw_context context(device, xclbin.get_uuid());
  xrt::kernel kernel(context, "MLIR_AIE");

  xrt::bo bo_instr(device, instr_v.size() * sizeof(uint32_t), XCL_BO_FLAGS_CACHEABLE, kernel.group_id(1));
  bo_instr.write(instr_v.data());
  bo_instr.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  const size_t sizes[3] = {256 * 256 * 2, 256 * 256 * 2, 256 * 256 * 4};
  std::vector<xrt::bo> bos;
  for (int i = 0; i < 3; i++)
    bos.emplace_back(device, sizes[i], XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(3 + i));

  xrt::run run(kernel);
  run.set_arg(0, 3);
  run.set_arg(1, bo_instr);
  run.set_arg(2, instr_v.size());
  for (size_t i = 0; i < bos.size(); i++)
    run.set_arg(3 + i, bos[i]);
  run.start();
  run.wait();
  bos[2].sync(XCL_BO_SYNC_BO_FROM_DEVICE);
  return 0;
}
