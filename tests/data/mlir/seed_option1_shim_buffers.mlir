// SPDX-License-Identifier: GPL-3.0-or-later
// The seed guide's option 1 ("Explicit Bank Assignment"): every buffer on shim tile (0,0) with a sym_name.
// Shim tiles have no data memory, so this cannot work (docs/domain.md section 6).
module {
  aie.device(npu1) {
    %tile_0_0 = aie.tile(0, 0)
    %tile_0_2 = aie.tile(0, 2)

    %buf_in = aie.buffer(%tile_0_0) {sym_name = "buf_in"} : memref<12288xi8>
    %buf_out = aie.buffer(%tile_0_0) {sym_name = "buf_out"} : memref<4096xi8>
    %buf_instr = aie.buffer(%tile_0_0) {sym_name = "buf_instr"} : memref<4096xi32>

    %core_0_2 = aie.core(%tile_0_2) {
      aie.end
    }

    aiex.runtime_sequence(%in: memref<12288xi8>, %out: memref<4096xi8>) {
      aiex.npu.dma_memcpy_nd(0, 0, %in[0, 0, 0, 0][1, 1, 1, 12288][0, 0, 0, 1]) {id = 1 : i64, metadata = @in} : memref<12288xi8>
    }
  }
}
