// SPDX-License-Identifier: GPL-3.0-or-later
//
// 32x32 int8 attention on one npu1 compute tile: out = softmax(Q K^T / sqrt(32)) V.
// The guide's option 2: the same single-tile design at 32x32. Its group IDs equal the 64x64 ones;
// size never changed a bank (docs/domain.md section 6).
// Host buffers (runtime sequence arguments = XRT arguments 3 and 4, see docs/domain.md section 3):
//   bo0: Q, K, V packed, 3072 bytes    bo1: output, 1024 bytes
// Call it as kernel(3, instr_bo, n_words, bo0, bo1). The kernel is attention.c, built by Peano:
//   ${PEANO_INSTALL_DIR}/bin/clang --target=aie2-none-unknown-elf -O2 -c attention.c -o attention.o
// then: aiecc.py --aie-generate-xclbin --aie-generate-npu-insts --no-compile-host --no-xchesscc
//   --no-xbridge --xclbin-name=attention_32x32.xclbin --npu-insts-name=insts.bin attention_32x32.mlir
// The core gets a 2 KiB stack: the kernel keeps 64 int32 scores and 128 int32 accumulators there.

module {
  aie.device(npu1) {
    func.func private @attention_int8_32x32(memref<3072xi8>, memref<1024xi8>)

    %shim = aie.tile(0, 0)
    %core = aie.tile(0, 2)

    aie.objectfifo @in(%shim, {%core}, 2 : i32) : !aie.objectfifo<memref<3072xi8>>
    aie.objectfifo @out(%core, {%shim}, 2 : i32) : !aie.objectfifo<memref<1024xi8>>

    %core_0_2 = aie.core(%core) {
      %c0 = arith.constant 0 : index
      %c1 = arith.constant 1 : index
      %cmax = arith.constant 9223372036854775807 : index
      scf.for %iter = %c0 to %cmax step %c1 {
        %inView = aie.objectfifo.acquire @in(Consume, 1) : !aie.objectfifosubview<memref<3072xi8>>
        %qkv = aie.objectfifo.subview.access %inView[0] : !aie.objectfifosubview<memref<3072xi8>> -> memref<3072xi8>
        %outView = aie.objectfifo.acquire @out(Produce, 1) : !aie.objectfifosubview<memref<1024xi8>>
        %result = aie.objectfifo.subview.access %outView[0] : !aie.objectfifosubview<memref<1024xi8>> -> memref<1024xi8>
        func.call @attention_int8_32x32(%qkv, %result) : (memref<3072xi8>, memref<1024xi8>) -> ()
        aie.objectfifo.release @in(Consume, 1)
        aie.objectfifo.release @out(Produce, 1)
      }
      aie.end
    } {link_with = "attention.o", stack_size = 2048 : i32}

    aie.runtime_sequence @attention_32x32(%qkvHost: memref<3072xi8>, %outHost: memref<1024xi8>) {
      aiex.npu.dma_memcpy_nd(%outHost[0, 0, 0, 0][1, 1, 1, 1024][0, 0, 0, 1]) {id = 0 : i64, metadata = @out, issue_token = true} : memref<1024xi8>
      aiex.npu.dma_memcpy_nd(%qkvHost[0, 0, 0, 0][1, 1, 1, 3072][0, 0, 0, 1]) {id = 1 : i64, metadata = @in} : memref<3072xi8>
      aiex.npu.dma_wait {symbol = @out}
    }
  }
}
