extension DrawingStore {
    /// Fills one drawing's slots from an unpacked 105x105 ink bitmap: packs the bits and
    /// computes the exact 28x28 levels. `sums` is caller-owned scratch of 784 Int32s.
    static func encode(
        _ pixels: UnsafeBufferPointer<UInt8>, packedInto packed: UnsafeMutableBufferPointer<UInt8>,
        levelsInto levels: UnsafeMutableBufferPointer<UInt8>, scratch sums: UnsafeMutableBufferPointer<Int32>
    ) {
        for b in 0..<packedBytes { packed[b] = 0 }
        for i in 0..<pixels.count where pixels[i] != 0 { packed[i >> 3] |= 0x80 >> UInt8(i & 7) }
        resampler.sums(pixels, into: sums)
        // totalWeight / levels = 11025 / 225 = 49 divides every sum exactly.
        let unit = resampler.totalWeight / Self.levels
        for i in 0..<imageBytes { levels[i] = UInt8(sums[i] / unit) }
    }

    /// Builds a store from unpacked 105x105 bitmaps (used for small sets such as Lake's runs).
    init(bitmaps: [Bitmap]) {
        var packed = [UInt8](repeating: 0, count: bitmaps.count * Self.packedBytes)
        var levels = [UInt8](repeating: 0, count: bitmaps.count * Self.imageBytes)
        var sums = [Int32](repeating: 0, count: Self.imageBytes)
        packed.withUnsafeMutableBufferPointer { p in
            levels.withUnsafeMutableBufferPointer { l in
                sums.withUnsafeMutableBufferPointer { s in
                    for (i, bitmap) in bitmaps.enumerated() {
                        precondition(bitmap.width == Self.side && bitmap.height == Self.side, "DrawingStore: bitmaps must be 105x105")
                        bitmap.pixels.withUnsafeBufferPointer { px in
                            Self.encode(
                                px, packedInto: UnsafeMutableBufferPointer(rebasing: p[(i * Self.packedBytes)..<((i + 1) * Self.packedBytes)]),
                                levelsInto: UnsafeMutableBufferPointer(rebasing: l[(i * Self.imageBytes)..<((i + 1) * Self.imageBytes)]), scratch: s)
                        }
                    }
                }
            }
        }
        self.init(count: bitmaps.count, packed: packed, levels28: levels)
    }
}
