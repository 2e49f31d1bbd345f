// SPDX-License-Identifier: GPL-3.0-or-later
// expect: ok
// xclbin: iron-gemm-256-1col
// why: a backend struct owns kernel and instruction BO; main calls backend.kernel(3, backend.bo_instr, ...) with its own BOs.
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_hw_context.h"
#include "xrt/xrt_kernel.h"

struct Backend {
  xrt::device device{0};
  xrt::xclbin xclbin;
  xrt::hw_context context;
  xrt::kernel kernel;
  std::vector<uint32_t> instr_v;
  xrt::bo bo_instr;

  Backend(const std::string &xclbin_path, const std::string &insts_path) : xclbin(xclbin_path) {
    device.register_xclbin(xclbin);
    context = xrt::hw_context(device, xclbin.get_uuid());
    kernel = xrt::kernel(context, "MLIR_AIE");
    std::ifstream f(insts_path, std::ios::binary | std::ios::ate);
    instr_v.resize(static_cast<size_t>(f.tellg()) / sizeof(uint32_t));
    f.seekg(0);
    f.read(reinterpret_cast<char *>(instr_v.data()), instr_v.size() * sizeof(uint32_t));
    bo_instr = xrt::bo(device, instr_v.size() * sizeof(uint32_t), XCL_BO_FLAGS_CACHEABLE, kernel.group_id(1));
    bo_instr.write(instr_v.data());
    bo_instr.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  }
};

int main() {
  Backend backend("iron-gemm-256-1col.xclbin", "iron-gemm-256-1col.insts.bin");
  xrt::bo a(backend.device, 256 * 256 * 2, XRT_BO_FLAGS_HOST_ONLY, backend.kernel.group_id(3));
  xrt::bo b(backend.device, 256 * 256 * 2, XRT_BO_FLAGS_HOST_ONLY, backend.kernel.group_id(4));
  xrt::bo c(backend.device, 256 * 256 * 4, XRT_BO_FLAGS_HOST_ONLY, backend.kernel.group_id(5));
  a.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  b.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  auto run = backend.kernel(3, backend.bo_instr, backend.instr_v.size(), a, b, c);
  run.wait();
  c.sync(XCL_BO_SYNC_BO_FROM_DEVICE);
  return 0;
}
