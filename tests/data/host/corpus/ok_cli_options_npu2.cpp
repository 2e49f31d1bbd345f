// SPDX-License-Identifier: GPL-3.0-or-later
// expect: ok
// xclbin: npu2-gemm-256x256x256
// why: an npu2 GEMM host in mlir-aie's test.cpp style: file names from command-line options, instr_v.size() words, three BOs.
#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "cxxopts.hpp"
#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_kernel.h"

constexpr int M = 256, K = 256, N = 256;

int main(int argc, const char *argv[]) {
  cxxopts::Options options("gemm");
  options.add_options()("x,xclbin", "xclbin", cxxopts::value<std::string>())(
      "i,instr", "instructions", cxxopts::value<std::string>())("k,kernel", "kernel name",
                                                                  cxxopts::value<std::string>()->default_value("MLIR_AIE"));
  auto vm = options.parse(argc, argv);

  std::ifstream f(vm["instr"].as<std::string>(), std::ios::binary | std::ios::ate);
  std::vector<uint32_t> instr_v(static_cast<size_t>(f.tellg()) / sizeof(uint32_t));
  f.seekg(0);
  f.read(reinterpret_cast<char *>(instr_v.data()), instr_v.size() * sizeof(uint32_t));

  auto device = xrt::device(0);
  auto xclbin = xrt::xclbin(vm["xclbin"].as<std::string>());
  device.register_xclbin(xclbin);
  xrt::hw_context context(device, xclbin.get_uuid());
  auto kernel = xrt::kernel(context, vm["kernel"].as<std::string>());

  auto bo_instr = xrt::bo(device, instr_v.size() * sizeof(int), XCL_BO_FLAGS_CACHEABLE, kernel.group_id(1));
  auto bo_a = xrt::bo(device, M * K * sizeof(uint16_t), XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(3));
  auto bo_b = xrt::bo(device, K * N * sizeof(uint16_t), XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(4));
  auto bo_c = xrt::bo(device, M * N * sizeof(float), XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(5));
  bo_instr.write(instr_v.data());
  bo_instr.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  bo_a.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  bo_b.sync(XCL_BO_SYNC_BO_TO_DEVICE);

  unsigned int opcode = 3;
  auto run = kernel(opcode, bo_instr, instr_v.size(), bo_a, bo_b, bo_c);
  run.wait();
  bo_c.sync(XCL_BO_SYNC_BO_FROM_DEVICE);
  std::cout << "PASS!" << std::endl;
  return 0;
}
