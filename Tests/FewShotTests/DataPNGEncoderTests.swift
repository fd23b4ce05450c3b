import Foundation
import Testing

@testable import FewShot

@Suite("PNG encoder")
struct DataPNGEncoderTests {
    @Test("a greyscale PNG decodes back to the same ink")
    func roundTrip() throws {
        let (width, height) = (17, 9)
        let pixels: [UInt8] = (0..<(width * height)).map { UInt8(($0 * 53) % 256) }
        let png = try #require(PNGEncoder.greyscale(pixels, width: width, height: height))
        let bitmap = try PNGDecoder.decodeInk(png)
        #expect(bitmap.width == width && bitmap.height == height)
        #expect(bitmap.pixels == pixels.map { $0 < 128 ? 1 : 0 })
    }

    @Test("chunks carry zlib's CRC-32, empty bodies included")
    func chunkCRC() {
        // IEND's CRC is the same in every PNG file: AE 42 60 82.
        #expect(Array(PNGChunk.framed("IEND", [])) == [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
    }

    @Test("a pixel count that does not match the size is refused")
    func mismatchedSize() {
        #expect(PNGEncoder.greyscale([0, 255, 0], width: 2, height: 2) == nil)
    }
}
