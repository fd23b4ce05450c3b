import Foundation

@testable import FewShot

/// A deliberately simple PNG writer for tests: stored (uncompressed) deflate blocks and a
/// naive forward filter, so the decoder is checked against an independent encoder.
enum DataTestPNGWriter {
    /// Encodes `samples` (one byte per pixel, already at `bitDepth` resolution) as a grayscale
    /// (colorType 0) or palette (3) PNG, every row filtered with `filter` (0...4).
    static func encode(
        width: Int, height: Int, samples: [UInt8], bitDepth: Int = 8, colorType: UInt8 = 0,
        palette: [UInt8] = [], filter: UInt8 = 0
    ) -> Data {
        let stride = (width * bitDepth + 7) / 8
        var rows: [[UInt8]] = []
        for y in 0..<height {
            var row = [UInt8](repeating: 0, count: stride)
            for x in 0..<width {
                let bit = x * bitDepth
                row[bit / 8] |= samples[y * width + x] << UInt8(8 - bitDepth - bit % 8)
            }
            rows.append(row)
        }
        var raw: [UInt8] = []
        for y in 0..<height {
            raw.append(filter)
            let prior = y > 0 ? rows[y - 1] : [UInt8](repeating: 0, count: stride)
            for x in 0..<stride {
                let a = x > 0 ? Int(rows[y][x - 1]) : 0, b = Int(prior[x]), c = x > 0 ? Int(prior[x - 1]) : 0
                let predictor: Int
                switch filter {
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c
                    let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
                    predictor = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                default: predictor = 0
                }
                raw.append(UInt8(truncatingIfNeeded: Int(rows[y][x]) - predictor))
            }
        }
        var ihdr = bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        ihdr += [UInt8(bitDepth), colorType, 0, 0, 0]
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png += chunk("IHDR", ihdr)
        if colorType == 3 { png += chunk("PLTE", palette) }
        png += chunk("IDAT", zlibStored(raw))
        png += chunk("IEND", [])
        return Data(png)
    }

    /// A PNG chunk with its CRC.
    static func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        let crc = (typeBytes + body).withUnsafeBufferPointer { PNGChunk.crc32($0) }
        return bigEndian(UInt32(body.count)) + typeBytes + body + bigEndian(crc)
    }

    /// A zlib stream of stored blocks with its Adler-32.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let n = min(65_535, data.count - offset)
            let final: UInt8 = offset + n == data.count ? 1 : 0
            out += [final, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            out += data[offset..<(offset + n)]
            offset += n
        } while offset < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data { a = (a + UInt32(byte)) % 65_521; b = (b + a) % 65_521 }
        return out + bigEndian(b << 16 | a)
    }

    static func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }

    /// A 1-bit Omniglot-style PNG of `bitmap` (file value 1 = white background, 0 = ink).
    static func omniglotPNG(_ bitmap: Bitmap, filter: UInt8 = 0) -> Data {
        encode(width: bitmap.width, height: bitmap.height, samples: bitmap.pixels.map { 1 - $0 }, bitDepth: 1, filter: filter)
    }
}
