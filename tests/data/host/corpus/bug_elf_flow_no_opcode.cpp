// SPDX-License-Identifier: GPL-3.0-or-later
// expect: error
// xclbin: iron-single-add
// why: partial-ELF flow called as k(0, 0, bo_in, bo_out): the opcode is dropped, so bo_in lands on ninstr (index 2).
// codes: bo-at-scalar
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
  auto run = kernel(0, 0, bo_in, bo_out);
  run.wait();
  return 0;
}
