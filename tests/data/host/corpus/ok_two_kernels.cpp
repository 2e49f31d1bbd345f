// SPDX-License-Identifier: GPL-3.0-or-later
// expect: ok
// xclbin: iron-single-add
// slots: 1, 2
// why: two hw_contexts and two kernels in one process (slots 1 and 2), each call bound with its own kernel's group_id.
#include <cstdint>
#include <fstream>
#include <vector>

#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_hw_context.h"
#include "xrt/xrt_kernel.h"

static std::vector<uint32_t> load_words(const char *path) {
  std::ifstream f(path, std::ios::binary | std::ios::ate);
  std::vector<uint32_t> v(static_cast<size_t>(f.tellg()) / sizeof(uint32_t));
  f.seekg(0);
  f.read(reinterpret_cast<char *>(v.data()), v.size() * sizeof(uint32_t));
  return v;
}

int main() {
  auto instr_v = load_words("corpus_add.insts.bin");
  xrt::device device(0);
  xrt::xclbin xclbin("iron-single-add.xclbin");
  device.register_xclbin(xclbin);

  xrt::hw_context ctx_pre(device, xclbin.get_uuid());
  xrt::kernel pre(ctx_pre, "MLIR_AIE");
  xrt::hw_context ctx_post(device, xclbin.get_uuid());
  xrt::kernel post(ctx_post, "MLIR_AIE");

  xrt::bo instr_pre(device, instr_v.size() * 4, XCL_BO_FLAGS_CACHEABLE, pre.group_id(1));
  xrt::bo x(device, 4096, XRT_BO_FLAGS_HOST_ONLY, pre.group_id(3));
  xrt::bo y(device, 4096, XRT_BO_FLAGS_HOST_ONLY, pre.group_id(4));
  xrt::bo instr_post(device, instr_v.size() * 4, XCL_BO_FLAGS_CACHEABLE, post.group_id(1));
  xrt::bo z(device, 4096, XRT_BO_FLAGS_HOST_ONLY, post.group_id(3));
  xrt::bo w(device, 4096, XRT_BO_FLAGS_HOST_ONLY, post.group_id(4));
  instr_pre.write(instr_v.data());
  instr_post.write(instr_v.data());
  instr_pre.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  instr_post.sync(XCL_BO_SYNC_BO_TO_DEVICE);

  auto r1 = pre(3, instr_pre, instr_v.size(), x, y);
  r1.wait();
  y.sync(XCL_BO_SYNC_BO_FROM_DEVICE);
  z.write(y.map<int32_t *>());
  z.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  auto r2 = post(3, instr_post, instr_v.size(), z, w);
  r2.wait();
  return 0;
}
