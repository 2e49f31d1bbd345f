// SPDX-License-Identifier: GPL-3.0-or-later
// expect: error
// xclbin: iron-single-add
// why: the kernel is taken from a member map by a literal name (auto &k = kernels_.at("ln")) and called without opcode.
// codes: legacy-convention-mix
#include <cstdint>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_hw_context.h"
#include "xrt/xrt_kernel.h"

class Model {
public:
  Model() : device_(0), xclbin_("iron-single-add.xclbin") {
    device_.register_xclbin(xclbin_);
    ctx_ = xrt::hw_context(device_, xclbin_.get_uuid());
    kernels_.emplace("ln", xrt::kernel(ctx_, "MLIR_AIE"));
    std::ifstream f("corpus_add.insts.bin", std::ios::binary | std::ios::ate);
    instr_v_.resize(static_cast<size_t>(f.tellg()) / 4);
    f.seekg(0);
    f.read(reinterpret_cast<char *>(instr_v_.data()), instr_v_.size() * 4);
  }

  void layer_norm() {
    auto &k = kernels_.at("ln");
    xrt::bo instr(device_, instr_v_.size() * 4, XCL_BO_FLAGS_CACHEABLE, k.group_id(1));
    xrt::bo x(device_, 4096, XRT_BO_FLAGS_HOST_ONLY, k.group_id(3));
    xrt::bo y(device_, 4096, XRT_BO_FLAGS_HOST_ONLY, k.group_id(4));
    instr.write(instr_v_.data());
    instr.sync(XCL_BO_SYNC_BO_TO_DEVICE);
    auto run = k(instr, instr_v_.size(), x, y);
    run.wait();
  }

private:
  xrt::device device_;
  xrt::xclbin xclbin_;
  xrt::hw_context ctx_;
  std::map<std::string, xrt::kernel> kernels_;
  std::vector<uint32_t> instr_v_;
};

int main() {
  Model m;
  m.layer_norm();
  return 0;
}
