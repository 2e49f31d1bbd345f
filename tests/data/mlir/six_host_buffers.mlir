// SPDX-License-Identifier: GPL-3.0-or-later
// A runtime sequence with six host buffers: XRT has only bo0..bo4 (arguments 3..7), so %e5 cannot be bound.
module {
  aie.device(npu1_1col) {
    %shim = aie.tile(0, 0)
    %core = aie.tile(0, 2)
    %local = aie.buffer(%core) : memref<1024xi8>
    aie.core(%core) {
      aie.end
    }
    aie.runtime_sequence @six(%a0: memref<64xi8>, %a1: memref<64xi8>, %a2: memref<64xi8>, %a3: memref<64xi8>, %a4: memref<64xi8>, %a5: memref<64xi8>) {
    }
  }
}
