// SPDX-License-Identifier: GPL-3.0-or-later
// expect: warning
// xclbin: iron-single-add
// insts: corpus_add.insts.bin
// why: C++ passes instr_v.size() * sizeof(uint32_t), bytes of a TXN stream, as ninstr: a warning (the header has the size).
// codes: ninstr-mismatch
#include <cstdint>
#include <fstream>
#include <vector>

#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_kernel.h"

int main() {
  std::ifstream f("corpus_add.insts.bin", std::ios::binary | std::ios::ate);
  std::vector<uint32_t> instr_v(static_cast<size_t>(f.tellg()) / sizeof(uint32_t));
  f.seekg(0);
  f.read(reinterpret_cast<char *>(instr_v.data()), instr_v.size() * sizeof(uint32_t));

  xrt::device device(0);
  xrt::xclbin xclbin("iron-single-add.xclbin");
  device.register_xclbin(xclbin);
  xrt::hw_context context(device, xclbin.get_uuid());
  xrt::kernel kernel(context, "MLIR_AIE");
  const size_t instr_bytes = instr_v.size() * sizeof(uint32_t);
  xrt::bo bo_instr(device, instr_bytes, XCL_BO_FLAGS_CACHEABLE, kernel.group_id(1));
  xrt::bo bo_in(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(3));
  xrt::bo bo_out(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(4));
  bo_instr.write(instr_v.data());
  bo_instr.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  auto run = kernel(3, bo_instr, instr_bytes, bo_in, bo_out);
  run.wait();
  return 0;
}
