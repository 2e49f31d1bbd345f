// SPDX-License-Identifier: GPL-3.0-or-later
// expect: ok
// xclbin: iron-single-add
// why: C++ BOs from a local lambda taking the argument index (auto A = mkbo(3, n)); the output chosen with if/else.
#include <cstdint>
#include <cstring>
#include <fstream>
#include <vector>

#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_kernel.h"

int main(int argc, char **argv) {
  std::ifstream f("corpus_add.insts.bin", std::ios::binary | std::ios::ate);
  std::vector<uint32_t> instr_v(static_cast<size_t>(f.tellg()) / 4);
  f.seekg(0);
  f.read(reinterpret_cast<char *>(instr_v.data()), instr_v.size() * 4);

  xrt::device device(0);
  xrt::xclbin xclbin("iron-single-add.xclbin");
  device.register_xclbin(xclbin);
  xrt::hw_context context(device, xclbin.get_uuid());
  xrt::kernel kernel(context, "MLIR_AIE");

  auto mkbo = [&](int index, size_t bytes) {
    return xrt::bo(device, bytes, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(index));
  };
  auto I = xrt::bo(device, instr_v.size() * 4, XCL_BO_FLAGS_CACHEABLE, kernel.group_id(1));
  auto A = mkbo(3, 4096);
  xrt::bo C;
  if (argc > 1 && std::strcmp(argv[1], "--big") == 0)
    C = mkbo(4, 8192);
  else
    C = mkbo(4, 4096);
  I.write(instr_v.data());
  I.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  auto run = kernel(3, I, instr_v.size(), A, C);
  run.wait();
  return 0;
}
