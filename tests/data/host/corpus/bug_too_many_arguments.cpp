// SPDX-License-Identifier: GPL-3.0-or-later
// expect: error
// xclbin: iron-single-add
// why: six data BOs after the instruction arguments: nine arguments for an eight-argument kernel.
// codes: too-many-arguments
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

  xrt::device device(0);
  xrt::xclbin xclbin("iron-single-add.xclbin");
  device.register_xclbin(xclbin);
  xrt::hw_context context(device, xclbin.get_uuid());
  xrt::kernel kernel(context, "MLIR_AIE");
  xrt::bo bo_instr(device, instr_v.size() * 4, XCL_BO_FLAGS_CACHEABLE, kernel.group_id(1));
  xrt::bo q(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(3));
  xrt::bo k(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(4));
  xrt::bo v(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(5));
  xrt::bo mask(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(6));
  xrt::bo out(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(7));
  xrt::bo scratch(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(7));
  bo_instr.write(instr_v.data());
  bo_instr.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  auto run = kernel(3, bo_instr, instr_v.size(), q, k, v, mask, out, scratch);
  run.wait();
  return 0;
}
