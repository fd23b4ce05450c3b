import Foundation

/// A small PNG reader that turns a grayscale or palette image into an ink bitmap.
///
/// Omniglot drawings are 1-bit grayscale with a white (1) background and black (0) strokes; the
/// reader maps any pixel darker than half intensity to ink = 1, so 8-bit and palette renderings of
/// the same drawing give the same bitmap.
public enum PNGDecoder {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// Deflate's largest expansion: 258 bytes from a 2-bit code, about 1032 to 1 (RFC 1951).
    private static let maximumInflation = 1032

    /// Decodes `data` into an ink bitmap (1 = ink, 0 = background).
    public static func decodeInk(_ data: Data) throws -> Bitmap {
        try data.withUnsafeBytes { raw in try decodeInk(raw.bindMemory(to: UInt8.self)) }
    }

    /// Decodes PNG bytes into an ink bitmap (1 = ink, 0 = background).
    public static func decodeInk(_ bytes: UnsafeBufferPointer<UInt8>) throws -> Bitmap {
        let header = try readChunks(bytes)
        let (width, height) = (header.width, header.height)
        // Gray and palette images carry one sample per pixel, so a pixel is `bitDepth` bits.
        let bitsPerPixel = header.bitDepth
        let stride = (width * bitsPerPixel + 7) / 8
        let rawCount = (stride + 1) * height
        // Deflate expands at most 1032-fold, so an IHDR size the IDAT data cannot reach is
        // corrupt: rejecting it here avoids allocating up to 2 x 268 MB for a 60-byte file.
        guard rawCount <= header.idat.count * Self.maximumInflation else {
            throw PNGError.corruptData("\(header.idat.count) bytes of image data cannot hold a \(width)x\(height) image")
        }
        var raw = [UInt8](repeating: 0, count: rawCount)
        let produced = header.idat.withUnsafeBufferPointer { input in
            raw.withUnsafeMutableBufferPointer { Inflate.inflate(input, into: $0) }
        }
        guard let produced else { throw PNGError.corruptData("zlib stream is invalid or longer than \(rawCount) bytes") }
        guard produced == rawCount else { throw PNGError.corruptData("expected \(rawCount) bytes, zlib stream gave \(produced)") }
        let ok = raw.withUnsafeMutableBufferPointer {
            PNGFilter.unfilter($0, rows: height, stride: stride, bytesPerPixel: max(1, bitsPerPixel / 8))
        }
        guard ok else { throw PNGError.corruptData("unknown scanline filter type") }
        let isInk = try inkTable(header)
        var pixels = [UInt8](repeating: 0, count: width * height)
        raw.withUnsafeBufferPointer { src in
            pixels.withUnsafeMutableBufferPointer { dst in
                unpack(src, stride: stride, bitDepth: header.bitDepth, width: width, height: height, isInk: isInk, into: dst)
            }
        }
        return Bitmap(width: width, height: height, pixels: pixels)
    }

    // MARK: - Chunks

    private struct Header {
        var width = 0, height = 0, bitDepth = 0, colorType = 0
        var palette: [UInt8] = []
        var idat: [UInt8] = []
    }

    private static func readChunks(_ b: UnsafeBufferPointer<UInt8>) throws -> Header {
        guard b.count >= 8, signature.indices.allSatisfy({ b[$0] == signature[$0] }) else { throw PNGError.notPNG }
        var header = Header()
        var offset = 8
        var sawHeader = false
        while true {
            guard offset + 8 <= b.count else { throw PNGError.truncated }
            let length = Int(readUInt32(b, offset))
            let typeBytes = UnsafeBufferPointer(rebasing: b[(offset + 4)..<(offset + 8)])
            let type = String(decoding: typeBytes, as: UTF8.self)
            guard length <= b.count, offset + 12 + length <= b.count else { throw PNGError.truncated }
            let body = UnsafeBufferPointer(rebasing: b[(offset + 8)..<(offset + 8 + length)])
            let stored = readUInt32(b, offset + 8 + length)
            let computed = PNGChunk.checksum(type: typeBytes, body: body)
            #if EPISCOPE_FUZZ
                // The fuzzing build (scripts/fuzz.sh) skips the check, as libpng's fuzzing mode does:
                // a mutated chunk almost never carries a matching CRC, which would keep the fuzzer
                // out of the decoding behind it.
                _ = (stored, computed)
            #else
                guard stored == computed else { throw PNGError.badCRC(chunk: type) }
            #endif
            offset += 12 + length
            switch type {
            case "IHDR":
                guard length == 13 else { throw PNGError.corruptData("IHDR has length \(length)") }
                header.width = Int(readUInt32(body, 0))
                header.height = Int(readUInt32(body, 4))
                header.bitDepth = Int(body[8])
                header.colorType = Int(body[9])
                try validate(header, interlace: body[12])
                sawHeader = true
            case "PLTE":
                header.palette = Array(body)
            case "IDAT":
                guard sawHeader else { throw PNGError.corruptData("IDAT before IHDR") }
                header.idat.append(contentsOf: body)
            case "IEND":
                guard sawHeader else { throw PNGError.corruptData("no IHDR chunk") }
                return header
            default:
                // Ancillary chunks (gAMA, pHYs, tEXt, ...) do not change which pixels are ink.
                // An unknown critical chunk (uppercase first letter) would, so refuse it.
                if let first = typeBytes.first, first & 0x20 == 0 {
                    throw PNGError.unsupported("critical chunk \(type)")
                }
            }
        }
    }

    private static func validate(_ h: Header, interlace: UInt8) throws {
        guard h.width > 0, h.height > 0, h.width <= 1 << 14, h.height <= 1 << 14 else {
            throw PNGError.unsupported("image size \(h.width)x\(h.height)")
        }
        guard interlace == 0 else { throw PNGError.unsupported("interlaced images") }
        switch (h.colorType, h.bitDepth) {
        case (0, 1), (0, 2), (0, 4), (0, 8), (3, 1), (3, 2), (3, 4), (3, 8):
            return
        default:
            throw PNGError.unsupported("color type \(h.colorType) with bit depth \(h.bitDepth) (only grayscale and palette images of 1 to 8 bits)")
        }
    }

    @inline(__always)
    private static func readUInt32(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32 {
        UInt32(b[at]) << 24 | UInt32(b[at + 1]) << 16 | UInt32(b[at + 2]) << 8 | UInt32(b[at + 3])
    }

    // MARK: - Pixels

    /// For each possible sample value, whether it is ink: darker than half intensity.
    private static func inkTable(_ h: Header) throws -> [UInt8] {
        let levels = 1 << h.bitDepth
        if h.colorType == 0 {
            return (0..<levels).map { $0 * 2 < levels - 1 ? 1 : 0 }
        }
        guard h.palette.count % 3 == 0, !h.palette.isEmpty else { throw PNGError.corruptData("missing or malformed PLTE chunk") }
        let entries = h.palette.count / 3
        return (0..<levels).map { i -> UInt8 in
            guard i < entries else { return 0 }
            // Rec. 601 luma in integers: 299 R + 587 G + 114 B, against half of 255 * 1000.
            let luma = 299 * Int(h.palette[3 * i]) + 587 * Int(h.palette[3 * i + 1]) + 114 * Int(h.palette[3 * i + 2])
            return luma * 2 < 255_000 ? 1 : 0
        }
    }

    private static func unpack(
        _ src: UnsafeBufferPointer<UInt8>, stride: Int, bitDepth: Int, width: Int, height: Int,
        isInk: [UInt8], into dst: UnsafeMutableBufferPointer<UInt8>
    ) {
        let perByte = 8 / bitDepth
        let mask = UInt8((1 << bitDepth) - 1)
        isInk.withUnsafeBufferPointer { table in
            for y in 0..<height {
                let row = y * stride
                let out = y * width
                for x in 0..<width {
                    let byte = src[row + x / perByte]
                    let shift = 8 - bitDepth * (x % perByte + 1)
                    dst[out + x] = table[Int((byte >> UInt8(shift)) & mask)]
                }
            }
        }
    }
}
