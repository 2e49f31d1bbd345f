// SPDX-License-Identifier: GPL-3.0-or-later
// expect: error
// xclbin: iron-single-add
// why: the seed bug in a C++ member call: kernel_(bo_instr_, instr_v_.size(), ...) without the opcode shifts every buffer.
// codes: legacy-convention-mix, bo-at-scalar
// fix: 3, bo_instr_, instr_v_.size(), bo_in_, bo_out_)
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_hw_context.h"
#include "xrt/xrt_kernel.h"

class Adder {
public:
  explicit Adder(const std::string &insts) : device_(0), xclbin_("iron-single-add.xclbin") {
    device_.register_xclbin(xclbin_);
    ctx_ = xrt::hw_context(device_, xclbin_.get_uuid());
    kernel_ = xrt::kernel(ctx_, "MLIR_AIE");
    std::ifstream f(insts, std::ios::binary | std::ios::ate);
    instr_v_.resize(static_cast<size_t>(f.tellg()) / 4);
    f.seekg(0);
    f.read(reinterpret_cast<char *>(instr_v_.data()), instr_v_.size() * 4);
    bo_instr_ = xrt::bo(device_, instr_v_.size() * 4, XCL_BO_FLAGS_CACHEABLE, kernel_.group_id(1));
    bo_in_ = xrt::bo(device_, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel_.group_id(3));
    bo_out_ = xrt::bo(device_, 4096, XRT_BO_FLAGS_HOST_ONLY, kernel_.group_id(4));
    bo_instr_.write(instr_v_.data());
    bo_instr_.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  }
  void operator()() {
    auto run = kernel_(bo_instr_, instr_v_.size(), bo_in_, bo_out_);
    run.wait();
  }

private:
  xrt::device device_;
  xrt::xclbin xclbin_;
  xrt::hw_context ctx_;
  xrt::kernel kernel_;
  std::vector<uint32_t> instr_v_;
  xrt::bo bo_instr_, bo_in_, bo_out_;
};

int main() {
  Adder add("corpus_add.insts.bin");
  add();
  return 0;
}
