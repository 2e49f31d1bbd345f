// SPDX-License-Identifier: GPL-3.0-or-later
// expect: ok
// xclbin: iron-single-add
// why: xclbin + partial ELF (xrt::elf, xrt::module, xrt::ext::kernel): k(3, 0, 0, bo0, bo1) is right, no connectivity check.
#include <cstdint>

#include "xrt/experimental/xrt_elf.h"
#include "xrt/experimental/xrt_ext.h"
#include "xrt/experimental/xrt_module.h"
#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_hw_context.h"
#include "xrt/xrt_kernel.h"

int main() {
  xrt::device device(0);
  xrt::xclbin xclbin("iron-single-add.xclbin");
  device.register_xclbin(xclbin);
  xrt::hw_context context(device, xclbin.get_uuid());
  xrt::elf elf("insts.elf");
  xrt::module mod{elf};
  auto kernel = xrt::ext::kernel(context, mod, "MLIR_AIE");

  xrt::bo bo_in = xrt::ext::bo{device, 4096};
  xrt::bo bo_out = xrt::ext::bo{device, 4096};
  bo_in.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  auto run = kernel(3, 0, 0, bo_in, bo_out);
  run.wait();
  bo_out.sync(XCL_BO_SYNC_BO_FROM_DEVICE);
  return 0;
}
