// SPDX-License-Identifier: GPL-3.0-or-later
// Bug class: instruction BO first and the opcode last (docs/domain.md section 6).
// kernel(bo_instr, bo_in, bo_out, 3): every argument is at the wrong index.
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iostream>
#include <vector>

#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_hw_context.h"
#include "xrt/xrt_kernel.h"

constexpr int IN_SIZE = 64 * 64 * 3;
constexpr int OUT_SIZE = 64 * 64;

static std::vector<uint32_t> load_instr_binary(const std::string &path) {
  std::ifstream f(path, std::ios::binary | std::ios::ate);
  const auto bytes = f.tellg();
  std::vector<uint32_t> words(bytes / 4);
  f.seekg(0);
  f.read(reinterpret_cast<char *>(words.data()), bytes);
  return words;
}

int main(int argc, const char *argv[]) {
  std::vector<uint32_t> instr_v = load_instr_binary("build/insts.bin");

  auto device = xrt::device(0);
  auto xclbin = xrt::xclbin("build/final.xclbin");
  device.register_xclbin(xclbin);
  xrt::hw_context context(device, xclbin.get_uuid());
  auto kernel = xrt::kernel(context, "MLIR_AIE");

  auto bo_instr = xrt::bo(device, instr_v.size() * sizeof(int), XCL_BO_FLAGS_CACHEABLE, kernel.group_id(1));
  xrt::bo bo_in(device, IN_SIZE, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(3));
  xrt::bo bo_out(device, OUT_SIZE, xrt::bo::flags::host_only, kernel.group_id(4));

  void *bufInstr = bo_instr.map<void *>();
  memcpy(bufInstr, instr_v.data(), instr_v.size() * sizeof(int));
  int8_t *bufIn = bo_in.map<int8_t *>();
  for (int i = 0; i < IN_SIZE; i++)
    bufIn[i] = static_cast<int8_t>(i % 128 - 64);
  bo_instr.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  bo_in.sync(XCL_BO_SYNC_BO_TO_DEVICE);

  auto run = kernel(bo_instr, bo_in, bo_out, 3);
  run.wait();

  bo_out.sync(XCL_BO_SYNC_BO_FROM_DEVICE);
  int8_t *bufOut = bo_out.map<int8_t *>();
  int nonzero = 0;
  for (int i = 0; i < OUT_SIZE; i++)
    nonzero += bufOut[i] != 0;
  std::cout << "non-zero outputs: " << nonzero << "/" << OUT_SIZE << std::endl;
  return 0;
}
