// SPDX-License-Identifier: GPL-3.0-or-later
// expect: ok
// xclbin: iron-single-add
// why: the opcode comes from a macro (#define OPCODE 3) and the instruction BO's flag from XCL_BO_FLAGS_CACHEABLE.
#include <cstdint>
#include <fstream>
#include <vector>

#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_kernel.h"

#define OPCODE 3
#define IN_BYTES (2048 * sizeof(int32_t))
#define OUT_BYTES (2048 * sizeof(int32_t))

static std::vector<uint32_t> read_words(const char *path) {
  std::ifstream f(path, std::ios::binary | std::ios::ate);
  std::vector<uint32_t> v(static_cast<size_t>(f.tellg()) / 4);
  f.seekg(0);
  f.read(reinterpret_cast<char *>(v.data()), v.size() * 4);
  return v;
}

int main() {
  auto instr_v = read_words("iron-single-add.insts.bin");
  xrt::device device(0);
  xrt::xclbin xclbin("iron-single-add.xclbin");
  device.register_xclbin(xclbin);
  xrt::hw_context context(device, xclbin.get_uuid());
  xrt::kernel kernel(context, "MLIR_AIE");

  xrt::bo bo_instr(device, instr_v.size() * sizeof(uint32_t), XCL_BO_FLAGS_CACHEABLE, kernel.group_id(1));
  xrt::bo bo_a(device, IN_BYTES, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(3));
  xrt::bo bo_b(device, IN_BYTES, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(4));
  xrt::bo bo_c(device, OUT_BYTES, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(5));
  bo_instr.write(instr_v.data());
  bo_instr.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  bo_a.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  bo_b.sync(XCL_BO_SYNC_BO_TO_DEVICE);

  auto run = kernel(OPCODE, bo_instr, instr_v.size(), bo_a, bo_b, bo_c);
  run.wait();
  bo_c.sync(XCL_BO_SYNC_BO_FROM_DEVICE);
  return 0;
}
