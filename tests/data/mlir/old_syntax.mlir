// SPDX-License-Identifier: GPL-3.0-or-later
// Pre-2024 syntax: AIE.device(ipu), AIE.tile, AIE.objectFifo, func.func @sequence with arguments over two lines,
// and a compute tile whose buffers exceed its 64 KiB of data memory.
module {
  AIE.device(ipu) {
    %t00 = AIE.tile(0, 0)
    %t01 = AIE.tile(0, 1)
    %t02 = AIE.tile(0, 2)

    AIE.objectFifo @of_in(%t00, {%t02}, 2 : i32) : !AIE.objectFifo<memref<256xi32>>
    %a = AIE.buffer(%t02) : memref<128x128xi32>
    %b = AIE.buffer(%t02) {sym_name = "b", mem_bank = 2 : i32} : memref<32x64xi32>
    %staging = AIE.buffer(%t01) : memref<65536xi32>

    %c02 = AIE.core(%t02) {
      AIE.end
    }

    func.func @sequence(%in : memref<256xi32>,
                        %out : memref<256xi32>, %tmp : memref<64xi16>) {
      return
    }
  }
}
