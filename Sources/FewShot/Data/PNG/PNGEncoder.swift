import Foundation
import ZlibC

/// A minimal PNG writer for the drawing pad: 8-bit greyscale, one IDAT chunk compressed with
/// zlib, filter 0 on every row. Just enough for a 105x105 drawing that `PNGDecoder` and any
/// image viewer can read.
public enum PNGEncoder {
    /// A greyscale PNG of `width` x `height` bytes (0 black ... 255 white), or nil when the
    /// pixel count does not match the size or zlib fails.
    public static func greyscale(_ pixels: [UInt8], width: Int, height: Int) -> Data? {
        guard width > 0, height > 0, pixels.count == width * height else { return nil }
        var raw = [UInt8]()
        raw.reserveCapacity((width + 1) * height)
        for y in 0..<height {
            raw.append(0)
            raw.append(contentsOf: pixels[(y * width)..<((y + 1) * width)])
        }
        guard let compressed = deflate(raw) else { return nil }
        var header = Data()
        header.append(bigEndian: UInt32(width))
        header.append(bigEndian: UInt32(height))
        header.append(contentsOf: [8, 0, 0, 0, 0])  // 8 bits, greyscale, deflate, filter set 0, no interlace
        var png = Data(PNGDecoder.signature)
        png.append(PNGChunk.framed("IHDR", Array(header)))
        png.append(PNGChunk.framed("IDAT", compressed))
        png.append(PNGChunk.framed("IEND", []))
        return png
    }

    static func deflate(_ bytes: [UInt8]) -> [UInt8]? {
        var length = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(length))
        let status = compress2(&out, &length, bytes, uLong(bytes.count), 9)
        guard status == Z_OK else { return nil }
        return Array(out[0..<Int(length)])
    }
}
