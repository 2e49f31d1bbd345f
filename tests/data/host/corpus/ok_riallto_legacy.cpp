// SPDX-License-Identifier: GPL-3.0-or-later
// expect: ok
// xclbin: riallto-color-detect-720p
// why: C++ host of a Riallto kernel (old convention instr, ninstr, in, out); the .seq is read as hex text words.
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_kernel.h"

static std::vector<uint32_t> read_seq(const std::string &path) {
  std::ifstream f(path);
  std::vector<uint32_t> words;
  std::string line;
  while (std::getline(f, line))
    if (!line.empty())
      words.push_back(static_cast<uint32_t>(std::stoul(line, nullptr, 16)));
  return words;
}

int main() {
  const size_t frame = 1280 * 720 * 4;
  std::vector<uint32_t> instr_v = read_seq("riallto-color-detect-720p.seq");
  xrt::device device(0);
  xrt::xclbin xclbin("riallto-color-detect-720p.xclbin");
  device.register_xclbin(xclbin);
  xrt::hw_context context(device, xclbin.get_uuid());
  xrt::kernel kernel(context, "color_detect_v1_720p");

  xrt::bo bo_instr(device, instr_v.size() * sizeof(uint32_t), XCL_BO_FLAGS_CACHEABLE, kernel.group_id(0));
  xrt::bo bo_in(device, frame, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(2));
  xrt::bo bo_out(device, frame, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(3));
  bo_instr.write(instr_v.data());
  bo_instr.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  bo_in.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  auto run = kernel(bo_instr, instr_v.size(), bo_in, bo_out);
  run.wait();
  bo_out.sync(XCL_BO_SYNC_BO_FROM_DEVICE);
  return 0;
}
