import Foundation
import ZlibC

/// A PNG chunk's framing: a big-endian length, the four-letter type, the body, and the CRC-32
/// of type and body. The decoder checks chunks and the encoder frames them with the same zlib
/// `crc32`, so the two cannot disagree about the checksum.
enum PNGChunk {
    /// The CRC-32 (ISO 3309, as zlib computes it) of `bytes`, continuing from `crc` (start with 0).
    static func crc32(_ bytes: UnsafeBufferPointer<UInt8>, continuing crc: UInt32 = 0) -> UInt32 {
        // zlib answers a null buffer with its initial value, not with `crc`: an empty body
        // (IEND's) would reset the checksum, so empty input leaves it unchanged here.
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return crc }
        return UInt32(ZlibC.crc32(uLong(crc), base, uInt(bytes.count)))
    }

    /// The CRC a chunk of `type` with `body` carries.
    static func checksum(type: UnsafeBufferPointer<UInt8>, body: UnsafeBufferPointer<UInt8>) -> UInt32 {
        crc32(body, continuing: crc32(type))
    }

    /// The chunk `type` with `body`, framed and checksummed.
    static func framed(_ type: String, _ body: [UInt8]) -> Data {
        let typeBytes = Array(type.utf8)
        let crc = typeBytes.withUnsafeBufferPointer { t in body.withUnsafeBufferPointer { checksum(type: t, body: $0) } }
        var out = Data()
        out.append(bigEndian: UInt32(body.count))
        out.append(contentsOf: typeBytes)
        out.append(contentsOf: body)
        out.append(bigEndian: crc)
        return out
    }
}

extension Data {
    /// Appends `value` most significant byte first, as PNG stores every integer.
    mutating func append(bigEndian value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
    }
}
