// SPDX-License-Identifier: GPL-3.0-or-later
// expect: ok
// xclbin: iron-single-add
// why: runs built with xrt::run and set_arg, queued on an xrt::runlist and executed together.
#include <cstdint>
#include <fstream>
#include <vector>

#include "xrt/experimental/xrt_kernel.h"
#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_hw_context.h"
#include "xrt/xrt_kernel.h"

int main() {
  std::ifstream f("corpus_add.insts.bin", std::ios::binary | std::ios::ate);
  std::vector<uint32_t> instr_v(static_cast<size_t>(f.tellg()) / 4);
  f.seekg(0);
  f.read(reinterpret_cast<char *>(instr_v.data()), instr_v.size() * 4);

  xrt::device device(0);
  xrt::xclbin xclbin("iron-single-add.xclbin");
  device.register_xclbin(xclbin);
  xrt::hw_context context(device, xclbin.get_uuid());
  xrt::kernel kernel(context, "MLIR_AIE");
  xrt::bo bo_instr(device, instr_v.size() * 4, XCL_BO_FLAGS_CACHEABLE, kernel.group_id(1));
  bo_instr.write(instr_v.data());
  bo_instr.sync(XCL_BO_SYNC_BO_TO_DEVICE);

  xrt::runlist list(context);
  std::vector<xrt::bo> inputs, outputs;
  for (int i = 0; i < 3; i++) {
    inputs.emplace_back(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(3));
    outputs.emplace_back(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(4));
  }
  for (int i = 0; i < 3; i++) {
    xrt::run run(kernel);
    run.set_arg(0, 3);
    run.set_arg(1, bo_instr);
    run.set_arg(2, instr_v.size());
    run.set_arg(3, inputs[i]);
    run.set_arg(4, outputs[i]);
    list.add(run);
  }
  list.execute();
  list.wait();
  return 0;
}
