// SPDX-License-Identifier: GPL-3.0-or-later
// expect: unresolved
// xclbin: iron-single-add
// why: the call is std::apply over a tuple a plan function returns from a parsed file; the reader cannot follow it.
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_kernel.h"

struct Plan;
Plan parse_plan(const std::string &path);
std::tuple<int, xrt::bo, uint32_t, xrt::bo, xrt::bo> bind(const Plan &plan, xrt::device &device, xrt::kernel &kernel);

template <typename K, typename... Args> xrt::run launch(K &&k, Args &&...args) {
  return std::forward<K>(k)(std::forward<Args>(args)...);
}

int main(int argc, char **argv) {
  xrt::device device(0);
  xrt::xclbin xclbin("iron-single-add.xclbin");
  device.register_xclbin(xclbin);
  xrt::hw_context context(device, xclbin.get_uuid());
  xrt::kernel kernel(context, "MLIR_AIE");
  auto args = bind(parse_plan(argv[1]), device, kernel);
  auto run = std::apply([&](auto &&...a) { return launch(kernel, a...); }, args);
  run.wait();
  return 0;
}
