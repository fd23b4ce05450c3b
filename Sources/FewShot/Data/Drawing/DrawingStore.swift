/// Many 105x105 drawings held compactly: each as a packed 1-bit bitmap and as a 28x28 image.
///
/// A 28x28 pixel is an area average of 0/1 pixels over 3.75 x 3.75 source pixels, so it is always
/// k/225 for an integer k in 0...225 (see ``AreaResampler``); storing k as a byte keeps the images
/// exact at a quarter of the size of Floats, which keeps the dataset near 70 MB and the cache fast.
public struct DrawingStore: Sendable {
    /// The side of a full drawing in pixels.
    public static let side = 105
    /// The side of a model-input image in pixels.
    public static let imageSide = 28
    /// 28x28 values are stored as multiples of 1/levels.
    static let levels: Int32 = 225
    static let packedBytes = (side * side + 7) / 8
    static let imageBytes = imageSide * imageSide
    static let resampler = AreaResampler(sourceWidth: side, sourceHeight: side, targetWidth: imageSide, targetHeight: imageSide)

    /// The number of drawings.
    public let count: Int
    /// `count * packedBytes` bytes: each drawing's pixels row-major, 8 to a byte, first pixel in the high bit.
    let packed: [UInt8]
    /// `count * imageBytes` bytes: each 28x28 image as k in 0...225 meaning k/225.
    let levels28: [UInt8]

    init(count: Int, packed: [UInt8], levels28: [UInt8]) {
        precondition(packed.count == count * Self.packedBytes && levels28.count == count * Self.imageBytes, "DrawingStore: buffer sizes")
        self.count = count
        self.packed = packed
        self.levels28 = levels28
    }

    /// The full 105x105 bitmap of drawing `index`, turned by `rotation`.
    public func bitmap(_ index: Int, rotation: Rotation = .r0) -> Bitmap {
        precondition(index >= 0 && index < count, "DrawingStore: drawing \(index) out of 0..<\(count)")
        let n = Self.side * Self.side
        var pixels = [UInt8](repeating: 0, count: n)
        let base = index * Self.packedBytes
        packed.withUnsafeBufferPointer { src in
            for i in 0..<n { pixels[i] = (src[base + (i >> 3)] >> UInt8(7 - (i & 7))) & 1 }
        }
        return Bitmap(width: Self.side, height: Self.side, pixels: pixels).rotated(by: rotation)
    }

    /// The 28x28 image (ink = 1, area-averaged) of drawing `index`, turned by `rotation`.
    public func image28(_ index: Int, rotation: Rotation = .r0) -> [Float] {
        var out = [Float](repeating: 0, count: Self.imageBytes)
        out.withUnsafeMutableBufferPointer { writeImage28(index, rotation: rotation, into: $0) }
        return out
    }

    /// Writes the 28x28 image of drawing `index` into `out` (784 Floats), without allocating.
    public func writeImage28(_ index: Int, rotation: Rotation, into out: UnsafeMutableBufferPointer<Float>) {
        precondition(index >= 0 && index < count, "DrawingStore: drawing \(index) out of 0..<\(count)")
        precondition(out.count == Self.imageBytes, "DrawingStore: image buffer holds \(out.count), needs \(Self.imageBytes)")
        let side = Self.imageSide
        let scale = 1 / Float(Self.levels)
        levels28.withUnsafeBufferPointer { all in
            let src = UnsafeBufferPointer(rebasing: all[(index * Self.imageBytes)..<((index + 1) * Self.imageBytes)])
            // Rotation commutes with the downsampling: 28 equal cells tile 105 symmetrically.
            for y in 0..<side {
                for x in 0..<side {
                    let s: Int
                    switch rotation {
                    case .r0: s = y * side + x
                    case .r90: s = x * side + (side - 1 - y)
                    case .r180: s = (side - 1 - y) * side + (side - 1 - x)
                    case .r270: s = (side - 1 - x) * side + y
                    }
                    out[y * side + x] = Float(src[s]) * scale
                }
            }
        }
    }
}
