// SPDX-License-Identifier: GPL-3.0-or-later
// expect: ok
// xclbin: iron-single-add
// why: the instruction words come from one of two files chosen in if/else; ninstr is instr_v.size() either way (unknown, not 0).
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_kernel.h"

static std::vector<uint32_t> load_binary(const std::string &path) {
  std::ifstream f(path, std::ios::binary | std::ios::ate);
  std::vector<uint32_t> v(static_cast<size_t>(f.tellg()) / 4);
  f.seekg(0);
  f.read(reinterpret_cast<char *>(v.data()), v.size() * 4);
  return v;
}

static std::vector<uint32_t> load_text(const std::string &path) {
  std::ifstream f(path);
  std::vector<uint32_t> v;
  for (std::string line; std::getline(f, line);)
    if (!line.empty())
      v.push_back(static_cast<uint32_t>(std::stoul(line, nullptr, 16)));
  return v;
}

int main(int argc, char **argv) {
  std::vector<uint32_t> instr_v;
  if (argc > 1)
    instr_v = load_text(argv[1]);
  else
    instr_v = load_binary("corpus_add.insts.bin");

  xrt::device device(0);
  xrt::xclbin xclbin("iron-single-add.xclbin");
  device.register_xclbin(xclbin);
  xrt::hw_context context(device, xclbin.get_uuid());
  xrt::kernel kernel(context, "MLIR_AIE");
  xrt::bo bo_instr(device, instr_v.size() * sizeof(uint32_t), XCL_BO_FLAGS_CACHEABLE, kernel.group_id(1));
  xrt::bo bo_in(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(3));
  xrt::bo bo_out(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(4));
  bo_instr.write(instr_v.data());
  bo_instr.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  auto run = kernel(3, bo_instr, instr_v.size(), bo_in, bo_out);
  run.wait();
  return 0;
}
