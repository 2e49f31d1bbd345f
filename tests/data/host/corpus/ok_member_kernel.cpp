// SPDX-License-Identifier: GPL-3.0-or-later
// expect: ok
// xclbin: iron-single-add
// why: a C++ class keeps the kernel and BOs as members (kernel_, bo_instr_); the call is kernel_(3, ...).
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "xrt/xrt_bo.h"
#include "xrt/xrt_device.h"
#include "xrt/xrt_hw_context.h"
#include "xrt/xrt_kernel.h"

class VectorAdd {
public:
  VectorAdd(const std::string &xclbin_path, const std::string &insts_path, size_t n)
      : device_(0), xclbin_(xclbin_path), n_(n) {
    device_.register_xclbin(xclbin_);
    context_ = xrt::hw_context(device_, xclbin_.get_uuid());
    kernel_ = xrt::kernel(context_, "MLIR_AIE");
    std::ifstream f(insts_path, std::ios::binary);
    uint32_t w;
    while (f.read(reinterpret_cast<char *>(&w), sizeof(w)))
      instr_v_.push_back(w);
    bo_instr_ = xrt::bo(device_, instr_v_.size() * sizeof(uint32_t), XCL_BO_FLAGS_CACHEABLE, kernel_.group_id(1));
    bo_in_ = xrt::bo(device_, n_ * sizeof(int32_t), XRT_BO_FLAGS_HOST_ONLY, kernel_.group_id(3));
    bo_out_ = xrt::bo(device_, n_ * sizeof(int32_t), XRT_BO_FLAGS_HOST_ONLY, kernel_.group_id(4));
    bo_instr_.write(instr_v_.data());
    bo_instr_.sync(XCL_BO_SYNC_BO_TO_DEVICE);
  }

  void run(const std::vector<int32_t> &in, std::vector<int32_t> &out) {
    bo_in_.write(in.data());
    bo_in_.sync(XCL_BO_SYNC_BO_TO_DEVICE);
    auto r = kernel_(3, bo_instr_, instr_v_.size(), bo_in_, bo_out_);
    r.wait();
    bo_out_.sync(XCL_BO_SYNC_BO_FROM_DEVICE);
    bo_out_.read(out.data());
  }

private:
  xrt::device device_;
  xrt::xclbin xclbin_;
  xrt::hw_context context_;
  xrt::kernel kernel_;
  std::vector<uint32_t> instr_v_;
  xrt::bo bo_instr_, bo_in_, bo_out_;
  size_t n_;
};

int main() {
  VectorAdd add("iron-single-add.xclbin", "corpus_add.insts.bin", 1024);
  std::vector<int32_t> in(1024, 1), out(1024);
  add.run(in, out);
  return out[0] == 2 ? 0 : 1;
}
