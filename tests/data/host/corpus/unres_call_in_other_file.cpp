// SPDX-License-Identifier: GPL-3.0-or-later
// expect: unresolved
// xclbin: iron-single-add
// why: the kernel and BOs are handed to launch_stage(), declared here but defined in another file: the call is there.
#include <cstdint>
#include <vector>

#include "stages.h"
#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_kernel.h"

xrt::run launch_stage(xrt::kernel &kernel, const std::vector<xrt::bo> &bos, uint32_t n_words);

int main() {
  xrt::device device(0);
  xrt::xclbin xclbin("iron-single-add.xclbin");
  device.register_xclbin(xclbin);
  xrt::hw_context context(device, xclbin.get_uuid());
  xrt::kernel kernel(context, "MLIR_AIE");
  std::vector<xrt::bo> bos;
  bos.emplace_back(device, 4096, XCL_BO_FLAGS_CACHEABLE, kernel.group_id(1));
  bos.emplace_back(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(3));
  bos.emplace_back(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(4));
  auto run = launch_stage(kernel, bos, stages::instruction_words());
  run.wait();
  return 0;
}
