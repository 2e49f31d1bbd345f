// SPDX-License-Identifier: GPL-3.0-or-later
// expect: ok
// xclbin: iron-single-add
// why: mlir-aie's C++ test_utils helpers load kernel and words; zeros fill unused bo slots up to the trace BO at index 7.
#include <cstdint>
#include <string>
#include <vector>

#include "test_utils.h"
#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_kernel.h"

int main(int argc, const char *argv[]) {
  const std::string xclbin_path = "iron-single-add.xclbin";
  const std::string insts_path = "corpus_add.insts.bin";
  const int trace_size = 8192;

  std::vector<uint32_t> instr_v = test_utils::load_instr_binary(insts_path);
  xrt::device device;
  xrt::kernel kernel;
  test_utils::init_xrt_load_kernel(device, kernel, 0, xclbin_path, "MLIR_AIE");

  auto bo_instr = xrt::bo(device, instr_v.size() * sizeof(int), XCL_BO_FLAGS_CACHEABLE, kernel.group_id(1));
  auto bo_in = xrt::bo(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(3));
  auto bo_out = xrt::bo(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(4));
  auto bo_trace = xrt::bo(device, trace_size, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(7));
  bo_instr.write(instr_v.data());
  bo_instr.sync(XCL_BO_SYNC_BO_TO_DEVICE);

  unsigned int opcode = 3;
  auto run = kernel(opcode, bo_instr, instr_v.size(), bo_in, bo_out, 0, 0, bo_trace);
  run.wait();
  bo_trace.sync(XCL_BO_SYNC_BO_FROM_DEVICE);
  test_utils::write_out_trace(bo_trace.map<char *>(), trace_size, "trace.txt");
  return 0;
}
