// SPDX-License-Identifier: GPL-3.0-or-later
// expect: ok
// xclbin: iron-single-add
// why: full-ELF flow: hw_context(device, elf) and xrt::ext::kernel(ctx, "main:sequence"); buffers from index 0, no opcode.
#include <cstdint>
#include <vector>

#include "xrt/experimental/xrt_elf.h"
#include "xrt/experimental/xrt_ext.h"
#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_hw_context.h"
#include "xrt/xrt_kernel.h"

int main() {
  xrt::device device(0);
  xrt::elf elf("aie.elf");
  xrt::hw_context context(device, elf);
  auto kernel = xrt::ext::kernel(context, "main:sequence");

  const size_t n = 1024;
  xrt::bo a = xrt::ext::bo{device, n * sizeof(int32_t)};
  xrt::bo b = xrt::ext::bo{device, n * sizeof(int32_t)};
  xrt::bo c = xrt::ext::bo{device, n * sizeof(int32_t)};
  std::vector<int32_t> ones(n, 1);
  a.write(ones.data());
  b.write(ones.data());
  a.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  b.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  auto run = kernel(a, b, c);
  run.wait();
  c.sync(XCL_BO_SYNC_BO_FROM_DEVICE);
  return 0;
}
