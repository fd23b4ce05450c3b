import Foundation
import TestSupport
import Testing

@testable import FewShot

@Suite("Drawings: rotation and downsampling")
struct DataDrawingTests {
    /// The naive reference: blow each pixel up to 4x4 (105 * 4 = 420 = 28 * 15), then average
    /// 15x15 blocks. Equal areas, no fractional weights, obviously right.
    static func naive28(_ bitmap: Bitmap) -> [Float] {
        (0..<(28 * 28)).map { cell in
            let (cy, cx) = (cell / 28, cell % 28)
            var ink = 0
            for sy in (cy * 15)..<(cy * 15 + 15) { for sx in (cx * 15)..<(cx * 15 + 15) { ink += Int(bitmap[sx / 4, sy / 4]) } }
            return Float(ink) / 225
        }
    }

    static let samples = [0, 1, 4_321, 19_279, 19_280, 25_000, 32_459]

    @Test("28x28 images equal the naive supersampled average, at every rotation")
    func downsampling() throws {
        let store = try TestData.dataset().drawings
        for index in Self.samples {
            for rotation in Rotation.allCases {
                let expected = Self.naive28(store.bitmap(index, rotation: rotation))
                let got = store.image28(index, rotation: rotation)
                #expect(zip(expected, got).allSatisfy { abs($0 - $1) < 1e-6 }, "drawing \(index) rotation \(rotation.degrees)")
            }
        }
    }

    @Test("the general resampler matches the naive average for sizes that do not divide")
    func resamplerGeneral() {
        var generator = DataTestRandom(seed: 3)
        let bitmap = Bitmap(width: 10, height: 7, pixels: (0..<70).map { _ in UInt8(generator.next() % 2) })
        let averages = AreaResampler(sourceWidth: 10, sourceHeight: 7, targetWidth: 4, targetHeight: 3).averages(of: bitmap)
        // Supersample by 4 x 3 (40 x 21 = 4 * 10 x 3 * 7), blocks of 10 x 7.
        for cy in 0..<3 {
            for cx in 0..<4 {
                var ink = 0
                for sy in (cy * 7)..<(cy * 7 + 7) { for sx in (cx * 10)..<(cx * 10 + 10) { ink += Int(bitmap[sx / 4, sy / 3]) } }
                #expect(abs(averages[cy * 4 + cx] - Float(ink) / 70) < 1e-6)
            }
        }
    }

    @Test("rotation: 90 counterclockwise moves the top-right corner to the top-left; four turns are the identity")
    func rotation() throws {
        var pixels = [UInt8](repeating: 0, count: 6)
        pixels[2] = 1  // 3 wide, 2 high: top-right corner
        let bitmap = Bitmap(width: 3, height: 2, pixels: pixels)
        let turned = bitmap.rotated(by: .r90)
        #expect(turned.width == 2 && turned.height == 3)
        #expect(turned[0, 0] == 1 && turned.inkCount == 1)
        #expect(bitmap.rotated(by: .r270)[1, 2] == 1)
        #expect(bitmap.rotated(by: .r180)[0, 1] == 1)
        let drawing = try TestData.dataset().drawings.bitmap(77)
        #expect(drawing.rotated(by: .r90).rotated(by: .r90) == drawing.rotated(by: .r180))
        #expect(drawing.rotated(by: .r90).rotated(by: .r270) == drawing)
        #expect(Rotation(degrees: 90) == .r90 && Rotation(degrees: 45) == nil)
    }
}

/// SplitMix64 for test inputs only (the code under test uses SeededGenerator).
struct DataTestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
