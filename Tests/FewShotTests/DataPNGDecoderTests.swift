import Foundation
import TestSupport
import Testing

@testable import FewShot

@Suite("PNG decoder")
struct DataPNGDecoderTests {
    /// A 13x7 test pattern with every gray level pattern a row can have.
    static let gray: [UInt8] = (0..<(13 * 7)).map { (i: Int) -> UInt8 in
        let value: Int = (i * 37 + (i / 13) * 11) % 256
        return UInt8(value)
    }

    @Test("all five filters decode an 8-bit gray image to the same ink", arguments: [UInt8(0), 1, 2, 3, 4])
    func filters(filter: UInt8) throws {
        let png = DataTestPNGWriter.encode(width: 13, height: 7, samples: Self.gray, filter: filter)
        let bitmap = try PNGDecoder.decodeInk(png)
        #expect(bitmap.width == 13 && bitmap.height == 7)
        #expect(bitmap.pixels == Self.gray.map { $0 < 128 ? 1 : 0 })
    }

    @Test("1-bit images: file value 0 (black) is ink", arguments: [UInt8(0), 1, 2, 3, 4])
    func oneBit(filter: UInt8) throws {
        let pixels: [UInt8] = (0..<(11 * 5)).map { (i: Int) -> UInt8 in UInt8((i * 7 / 3) % 2) }
        let png = DataTestPNGWriter.encode(width: 11, height: 5, samples: pixels, bitDepth: 1, filter: filter)
        #expect(try PNGDecoder.decodeInk(png).pixels == pixels.map { 1 - $0 })
    }

    @Test("palette images use the palette's brightness")
    func palette() throws {
        let palette: [UInt8] = [255, 255, 255, 0, 0, 0, 200, 30, 30]
        let indices: [UInt8] = [0, 1, 2, 1, 0, 2]
        let png = DataTestPNGWriter.encode(width: 3, height: 2, samples: indices, bitDepth: 4, colorType: 3, palette: palette)
        // Red (200, 30, 30) has luma 0.299 * 200 + 0.587 * 30 + 0.114 * 30 = 80.8: dark, so ink.
        #expect(try PNGDecoder.decodeInk(png).pixels == [0, 1, 1, 1, 0, 1])
    }

    @Test("a bad CRC is reported with the chunk name")
    func badCRC() {
        var bytes = [UInt8](DataTestPNGWriter.encode(width: 4, height: 4, samples: Array(repeating: 9, count: 16)))
        bytes[bytes.count - 20] ^= 0xFF  // inside IDAT's body
        #expect(throws: PNGError.badCRC(chunk: "IDAT")) { try PNGDecoder.decodeInk(Data(bytes)) }
    }

    @Test("truncated data, a wrong signature and unsupported formats are errors, not crashes")
    func malformed() {
        let png = DataTestPNGWriter.encode(width: 4, height: 4, samples: Array(repeating: 9, count: 16))
        #expect(throws: PNGError.truncated) { try PNGDecoder.decodeInk(png.prefix(40)) }
        #expect(throws: PNGError.notPNG) { try PNGDecoder.decodeInk(Data("GIF89a....".utf8)) }
        let rgb = DataTestPNGWriter.encode(width: 1, height: 1, samples: [0], colorType: 2)
        #expect(throws: PNGError.self) { try PNGDecoder.decodeInk(rgb) }
        #expect(throws: PNGError.self) { try PNGDecoder.decodeInk(Data()) }
    }

    @Test("CRC-32 and MD5 match published test vectors")
    func checksums() {
        #expect(Array("123456789".utf8).withUnsafeBufferPointer { PNGChunk.crc32($0) } == 0xCBF4_3926)
        #expect(MD5.hex([UInt8]()) == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(MD5.hex(Array("abc".utf8)) == "900150983cd24fb0d6963f7d28e17f72")
        #expect(MD5.hex(Array("The quick brown fox jumps over the lazy dog".utf8)) == "9e107d9d372bb6826bd81d3542a419d6")
    }

    @Test("MD5 of an official archive matches SOURCES.md")
    func md5OfArchive() throws {
        let data = try Data(contentsOf: try TestData.omniglot().smallArchive(1))
        #expect(MD5.hex(data) == "e704a628b5459e08445c13499850abc4")
    }
}
