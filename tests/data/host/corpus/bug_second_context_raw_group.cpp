// SPDX-License-Identifier: GPL-3.0-or-later
// expect: warning
// xclbin: iron-single-add
// slots: 1, 2
// why: the second hw_context's BOs are allocated with the raw group 0x10000 seen in the first context's log.
// codes: slot-mismatch
#include <cstdint>
#include <fstream>
#include <vector>

#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_hw_context.h"
#include "xrt/xrt_kernel.h"

#define DATA_GROUP 0x10000
#define INSTR_GROUP 0x10001

int main() {
  std::ifstream f("corpus_add.insts.bin", std::ios::binary | std::ios::ate);
  std::vector<uint32_t> instr_v(static_cast<size_t>(f.tellg()) / 4);
  f.seekg(0);
  f.read(reinterpret_cast<char *>(instr_v.data()), instr_v.size() * 4);

  xrt::device device(0);
  xrt::xclbin xclbin("iron-single-add.xclbin");
  device.register_xclbin(xclbin);
  xrt::hw_context ctx1(device, xclbin.get_uuid());
  xrt::kernel k1(ctx1, "MLIR_AIE");
  xrt::hw_context ctx2(device, xclbin.get_uuid());
  xrt::kernel k2(ctx2, "MLIR_AIE");

  xrt::bo i1(device, instr_v.size() * 4, XCL_BO_FLAGS_CACHEABLE, k1.group_id(1));
  xrt::bo a1(device, 4096, XRT_BO_FLAGS_HOST_ONLY, k1.group_id(3));
  xrt::bo c1(device, 4096, XRT_BO_FLAGS_HOST_ONLY, k1.group_id(4));
  xrt::bo i2(device, instr_v.size() * 4, XCL_BO_FLAGS_CACHEABLE, INSTR_GROUP);
  xrt::bo a2(device, 4096, XRT_BO_FLAGS_HOST_ONLY, DATA_GROUP);
  xrt::bo c2(device, 4096, XRT_BO_FLAGS_HOST_ONLY, DATA_GROUP);
  i1.write(instr_v.data());
  i2.write(instr_v.data());
  i1.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  i2.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  k1(3, i1, instr_v.size(), a1, c1).wait();
  k2(3, i2, instr_v.size(), a2, c2).wait();
  return 0;
}
