// SPDX-License-Identifier: GPL-3.0-or-later
// expect: ok
// xclbin: iron-single-add
// why: a member function binds a reference alias to the member kernel (auto &k = kernel_;) and calls the alias.
#include <cstdint>
#include <fstream>
#include <vector>

#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_hw_context.h"
#include "xrt/xrt_kernel.h"

class Stage {
public:
  Stage() : device_(0), xclbin_("iron-single-add.xclbin") {
    device_.register_xclbin(xclbin_);
    context_ = xrt::hw_context(device_, xclbin_.get_uuid());
    kernel_ = xrt::kernel(context_, "MLIR_AIE");
    std::ifstream f("corpus_add.insts.bin", std::ios::binary | std::ios::ate);
    instr_v_.resize(static_cast<size_t>(f.tellg()) / 4);
    f.seekg(0);
    f.read(reinterpret_cast<char *>(instr_v_.data()), instr_v_.size() * 4);
    instr_bo_ = xrt::bo(device_, instr_v_.size() * 4, XCL_BO_FLAGS_CACHEABLE, kernel_.group_id(1));
    instr_bo_.write(instr_v_.data());
    instr_bo_.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  }

  void run(xrt::bo &in, xrt::bo &out) {
    auto &k = kernel_;
    const auto n = static_cast<uint32_t>(instr_v_.size());
    auto h = k(3, instr_bo_, n, in, out);
    h.wait();
  }

  xrt::bo buffer(int index) { return xrt::bo(device_, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel_.group_id(index)); }

private:
  xrt::device device_;
  xrt::xclbin xclbin_;
  xrt::hw_context context_;
  xrt::kernel kernel_;
  std::vector<uint32_t> instr_v_;
  xrt::bo instr_bo_;
};

int main() {
  Stage stage;
  auto in = stage.buffer(3);
  auto out = stage.buffer(4);
  stage.run(in, out);
  return 0;
}
