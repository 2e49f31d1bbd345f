// SPDX-License-Identifier: GPL-3.0-or-later
// expect: unresolved
// xclbin: iron-single-add
// why: the argument index of every BO is read from a config file at run time (run.set_arg(cfg.at(name), bo)).
#include <cstdint>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_kernel.h"

static std::map<std::string, int> read_layout(const char *path) {
  std::map<std::string, int> layout;
  std::ifstream f(path);
  std::string name;
  int index;
  while (f >> name >> index)
    layout[name] = index;
  return layout;
}

int main(int argc, char **argv) {
  const auto cfg = read_layout(argv[1]);
  std::ifstream f("corpus_add.insts.bin", std::ios::binary | std::ios::ate);
  std::vector<uint32_t> instr_v(static_cast<size_t>(f.tellg()) / 4);
  f.seekg(0);
  f.read(reinterpret_cast<char *>(instr_v.data()), instr_v.size() * 4);

  xrt::device device(0);
  xrt::xclbin xclbin("iron-single-add.xclbin");
  device.register_xclbin(xclbin);
  xrt::hw_context context(device, xclbin.get_uuid());
  xrt::kernel kernel(context, "MLIR_AIE");
  xrt::bo bo_instr(device, instr_v.size() * 4, XCL_BO_FLAGS_CACHEABLE, kernel.group_id(cfg.at("instr")));
  xrt::bo bo_in(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(cfg.at("in")));
  xrt::bo bo_out(device, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel.group_id(cfg.at("out")));

  xrt::run run(kernel);
  run.set_arg(cfg.at("opcode"), 3);
  run.set_arg(cfg.at("instr"), bo_instr);
  run.set_arg(cfg.at("ninstr"), instr_v.size());
  run.set_arg(cfg.at("in"), bo_in);
  run.set_arg(cfg.at("out"), bo_out);
  run.start();
  run.wait();
  return 0;
}
