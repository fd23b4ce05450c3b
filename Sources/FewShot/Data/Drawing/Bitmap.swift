/// A binary image: one byte per pixel, row-major, 1 = ink and 0 = background.
public struct Bitmap: Sendable, Hashable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// `width * height` values, 0 or 1, row-major from the top-left corner.
    public let pixels: [UInt8]

    /// A bitmap of the given size; `pixels` must hold `width * height` values of 0 or 1.
    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height, "Bitmap: \(width)x\(height) needs \(width * height) pixels, got \(pixels.count)")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The pixel in column `x`, row `y`.
    public subscript(x: Int, y: Int) -> UInt8 { pixels[y * width + x] }

    /// The number of ink pixels.
    public var inkCount: Int { pixels.reduce(0) { $0 + Int($1) } }

    /// This bitmap turned counterclockwise by `rotation`.
    public func rotated(by rotation: Rotation) -> Bitmap {
        if rotation == .r0 { return self }
        let (w, h) = rotation == .r180 ? (width, height) : (height, width)
        var out = [UInt8](repeating: 0, count: w * h)
        out.withUnsafeMutableBufferPointer { dst in
            pixels.withUnsafeBufferPointer { src in
                Rotating.rotate(src, width: width, height: height, by: rotation, into: dst)
            }
        }
        return Bitmap(width: w, height: h, pixels: out)
    }
}

/// Quarter-turn rotation of any row-major grid, shared by bitmaps and 28x28 images.
enum Rotating {
    /// Writes `src` (width x height) turned counterclockwise by `rotation` into `dst`.
    ///
    /// Counterclockwise by 90: the source's right column becomes the top row, so output (x, y)
    /// reads source (w - 1 - y, x), where the output is h wide.
    static func rotate<T>(
        _ src: UnsafeBufferPointer<T>, width w: Int, height h: Int, by rotation: Rotation,
        into dst: UnsafeMutableBufferPointer<T>
    ) {
        switch rotation {
        case .r0:
            for i in 0..<(w * h) { dst[i] = src[i] }
        case .r90:
            for y in 0..<w { for x in 0..<h { dst[y * h + x] = src[x * w + (w - 1 - y)] } }
        case .r180:
            for i in 0..<(w * h) { dst[i] = src[w * h - 1 - i] }
        case .r270:
            for y in 0..<w { for x in 0..<h { dst[y * h + x] = src[(h - 1 - x) * w + y] } }
        }
    }
}
