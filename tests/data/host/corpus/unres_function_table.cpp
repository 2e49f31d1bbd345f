// SPDX-License-Identifier: GPL-3.0-or-later
// expect: unresolved
// xclbin: iron-single-add
// why: the launch is picked from a table of std::function by a name given on the command line; its arguments are not visible.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_kernel.h"

using Launch = std::function<xrt::run(xrt::kernel &, std::vector<xrt::bo> &, uint32_t)>;

xrt::run launch_add(xrt::kernel &k, std::vector<xrt::bo> &b, uint32_t n);
xrt::run launch_copy(xrt::kernel &k, std::vector<xrt::bo> &b, uint32_t n);

int main(int argc, char **argv) {
  xrt::device device(0);
  xrt::xclbin xclbin("iron-single-add.xclbin");
  device.register_xclbin(xclbin);
  xrt::hw_context context(device, xclbin.get_uuid());
  xrt::kernel kernel(context, "MLIR_AIE");
  std::vector<xrt::bo> bos;
  bos.emplace_back(device, 4096, XCL_BO_FLAGS_CACHEABLE, kernel.group_id(1));
  bos.emplace_back(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(3));
  bos.emplace_back(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(4));

  const std::map<std::string, Launch> table = {{"add", launch_add}, {"copy", launch_copy}};
  auto run = table.at(argv[1])(kernel, bos, static_cast<uint32_t>(std::stoul(argv[2])));
  run.wait();
  return 0;
}
