import Autodiff
import Foundation
import Testing
import TestSupport
@testable import FewShot

/// `episcope episode` text output, compared with plain-text snapshots under `Snapshots/` (the
/// policy of `assertSnapshot` in TestSupport).
@Suite("Episode text art")
struct EpisodeTextTests {
    static func episode(seed: UInt64) throws -> Episode {
        let split = try ClassSplit.load(.vinyals, part: .test, dataset: try TestData.dataset(), location: try TestData.omniglot())
        var generator = SeededGenerator(seed: seed)
        return try EpisodeSampler(split: split, ways: 3, shots: 2, queries: 1).sample(using: &generator)
    }

    @Test("snapshot of a seeded episode", arguments: GlyphStyle.allCases)
    func snapshot(style: GlyphStyle) throws {
        let text = EpisodeText.render(
            try Self.episode(seed: 0), from: try TestData.dataset(),
            title: "Omniglot vinyals/test: 3-way 2-shot, 1 query per class, seed 0", style: style)
        assertSnapshot(text: text, named: "episode-vinyals-test-seed0-\(style.rawValue)")
    }

    @Test("ASCII art uses only the density ramp, frames and captions; every drawing is 21 x 11 cells")
    func asciiShape() throws {
        let art = GlyphArt(style: .ascii)
        let lines = art.lines(try TestData.dataset().drawings.bitmap(123))
        #expect(lines.count == 11 && lines.allSatisfy { $0.count == 21 })
        #expect(lines.joined().allSatisfy { GlyphStyle.ramp.contains($0) })
        #expect(lines.joined().contains("@") || lines.joined().contains("%"))
        let blank = art.lines(Bitmap(width: 105, height: 105, pixels: Array(repeating: 0, count: 105 * 105)))
        #expect(blank.allSatisfy { $0.allSatisfy { $0 == " " } })
    }

    @Test("Unicode glyphs only in a UTF-8 locale")
    func locale() {
        #expect(GlyphStyle.effective(.braille, environment: ["LANG": "en_US.UTF-8"]) == .braille)
        #expect(GlyphStyle.effective(.blocks, environment: ["LANG": "C"]) == .ascii)
        #expect(GlyphStyle.effective(.blocks, environment: ["LC_ALL": "C", "LANG": "en_US.UTF-8"]) == .ascii)
        #expect(GlyphStyle.effective(.blocks, environment: ["LC_CTYPE": "de_DE.utf8"]) == .blocks)
        #expect(GlyphStyle.effective(.blocks, environment: [:]) == .ascii)
    }
}
