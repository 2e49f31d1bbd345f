// SPDX-License-Identifier: GPL-3.0-or-later
// expect: ok
// xclbin: iron-single-add
// slots: 1, 2
// why: the encoder output BO (first kernel's group_id) feeds the second context's kernel: same bank, the driver ignores the slot.
#include <cstdint>
#include <fstream>
#include <vector>

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
  xrt::hw_context encoder_ctx(device, xclbin.get_uuid());
  xrt::kernel encoder(encoder_ctx, "MLIR_AIE");
  xrt::hw_context decoder_ctx(device, xclbin.get_uuid());
  xrt::kernel decoder(decoder_ctx, "MLIR_AIE");

  xrt::bo instr_enc(device, instr_v.size() * 4, XCL_BO_FLAGS_CACHEABLE, encoder.group_id(1));
  xrt::bo instr_dec(device, instr_v.size() * 4, XCL_BO_FLAGS_CACHEABLE, decoder.group_id(1));
  xrt::bo x(device, 4096, XRT_BO_FLAGS_HOST_ONLY, encoder.group_id(3));
  xrt::bo h(device, 4096, XRT_BO_FLAGS_HOST_ONLY, encoder.group_id(4));
  xrt::bo y(device, 4096, XRT_BO_FLAGS_HOST_ONLY, encoder.group_id(4));
  instr_enc.write(instr_v.data());
  instr_dec.write(instr_v.data());
  instr_enc.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  instr_dec.sync(XCL_BO_SYNC_BO_TO_DEVICE);

  encoder(3, instr_enc, instr_v.size(), x, h).wait();
  decoder(3, instr_dec, instr_v.size(), h, y).wait();
  y.sync(XCL_BO_SYNC_BO_FROM_DEVICE);
  return 0;
}
