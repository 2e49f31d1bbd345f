module {
 aie.device(npu1_4col) {
 %t = aie.tile(0, 2)
 %b = aie.buffer(%t) : memref<4611686018427387904x4xi32>
 }
}
