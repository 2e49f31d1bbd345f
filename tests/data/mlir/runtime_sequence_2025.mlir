// SPDX-License-Identifier: GPL-3.0-or-later
// 2025 syntax: aie.runtime_sequence @name (Nov 2025), aie.objectfifo, aiex.npu.dma_memcpy_nd without the leading
// (0, 0, ...), and two aie.buffer ops on the compute tile without sym_name (the guide's option 1 names them).
module {
  aie.device(npu1_4col) {
    %shim = aie.tile(0, 0)
    %mem = aie.tile(0, 1)
    %core = aie.tile(0, 2)

    %scores = aie.buffer(%core) : memref<64x64xi32>
    %weights = aie.buffer(%core) {mem_bank = 1 : i32} : memref<64xi32>

    aie.objectfifo @in(%shim, {%core}, 2 : i32) : !aie.objectfifo<memref<12288xi8>>
    aie.objectfifo @out(%core, {%shim}, 2 : i32) : !aie.objectfifo<memref<4096xi8>>

    %core_0_2 = aie.core(%core) {
      aie.end
    } {link_with = "attention.o"}

    aie.runtime_sequence @attention(%qkv: memref<12288xi8>, %out: memref<4096xi8>) {
      aiex.npu.dma_memcpy_nd(%out[0, 0, 0, 0][1, 1, 1, 4096][0, 0, 0, 1]) {id = 0 : i64, metadata = @out, issue_token = true} : memref<4096xi8>
      aiex.npu.dma_memcpy_nd(%qkv[0, 0, 0, 0][1, 1, 1, 12288][0, 0, 0, 1]) {id = 1 : i64, metadata = @in} : memref<12288xi8>
      aiex.npu.dma_wait {symbol = @out}
    }
  }
}
