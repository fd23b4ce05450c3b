import Foundation
import ZlibC

/// A minimal PNG writer for the drawing pad: 8-bit greyscale, one IDAT chunk compressed with
/// zlib, filter 0 on every row. Just enough for a 105x105 drawing that `PNGDecoder` and any
/// image viewer can read.
public enum PNGEncoder {
    /// A greyscale PNG of `width` x `height` bytes (0 black ... 255 white).
    public static func greyscale(_ pixels: [UInt8], width: Int, height: Int) -> Data? {
        guard width > 0, height > 0, pixels.count == width * height else { return nil }
        var raw = [UInt8]()
        raw.reserveCapacity((width + 1) * height)
        for y in 0..<height {
            raw.append(0)
            raw.append(contentsOf: pixels[(y * width)..<((y + 1) * width)])
        }
        guard let compressed = deflate(raw) else { return nil }
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header = Data()
        header.append(bigEndian: UInt32(width))
        header.append(bigEndian: UInt32(height))
        header.append(contentsOf: [8, 0, 0, 0, 0])  // 8 bits, greyscale, deflate, filter set 0, no interlace
        png.append(chunk("IHDR", header))
        png.append(chunk("IDAT", compressed))
        png.append(chunk("IEND", Data()))
        return png
    }

    static func deflate(_ bytes: [UInt8]) -> Data? {
        var length = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(length))
        let status = compress2(&out, &length, bytes, uLong(bytes.count), 9)
        guard status == Z_OK else { return nil }
        return Data(out[0..<Int(length)])
    }

    static func chunk(_ type: String, _ body: Data) -> Data {
        var out = Data()
        out.append(bigEndian: UInt32(body.count))
        let typed = Data(type.utf8) + body
        out.append(typed)
        out.append(bigEndian: PNGCRC.checksum(typed))
        return out
    }
}

/// PNG's CRC-32 (polynomial 0xEDB88320). FewShot keeps its own internal; a dozen lines here
/// is cheaper than widening that module's public surface for one writer.
enum PNGCRC {
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ data: Data) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in data { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return ~c
    }
}

extension Data {
    mutating func append(bigEndian value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
    }
}
