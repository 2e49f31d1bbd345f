// SPDX-License-Identifier: GPL-3.0-or-later
// expect: error
// xclbin: riallto-color-detect-720p
// why: a Riallto legacy stream (no TXN header) passed with its byte count as ninstr: the NPU reads past the stream.
// codes: ninstr-mismatch
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_kernel.h"

int main() {
  std::ifstream f("riallto-color-detect-720p.seq");
  std::vector<uint32_t> instr_v;
  for (std::string line; std::getline(f, line);)
    if (!line.empty())
      instr_v.push_back(static_cast<uint32_t>(std::stoul(line, nullptr, 16)));

  xrt::device device(0);
  xrt::xclbin xclbin("riallto-color-detect-720p.xclbin");
  device.register_xclbin(xclbin);
  xrt::hw_context context(device, xclbin.get_uuid());
  xrt::kernel kernel(context, "color_detect_v1_720p");
  const size_t frame = 1280 * 720 * 4;
  const size_t instr_bytes = instr_v.size() * sizeof(uint32_t);
  xrt::bo bo_instr(device, instr_bytes, XCL_BO_FLAGS_CACHEABLE, kernel.group_id(0));
  xrt::bo bo_in(device, frame, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(2));
  xrt::bo bo_out(device, frame, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(3));
  bo_instr.write(instr_v.data());
  bo_instr.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  auto run = kernel(bo_instr, instr_bytes, bo_in, bo_out);
  run.wait();
  return 0;
}
