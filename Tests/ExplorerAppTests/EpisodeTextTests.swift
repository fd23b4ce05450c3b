import Autodiff
import ExplorerApp
import FewShot
import Foundation
import TerminalUI
import TestSupport
import Testing

/// `episcope episode` text output, compared with plain-text snapshots under `Snapshots/` (the
/// policy of `assertSnapshot` in TestSupport); without Omniglot these fail, saying where to get it.
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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeLast()  // the text ends with a newline
        var buffer = Buffer(width: lines.map(\.count).max() ?? 0, height: lines.count)
        for (row, line) in lines.enumerated() { _ = buffer.set(x: 0, y: row, string: line) }
        assertSnapshot(buffer, named: "episode-vinyals-test-seed0-\(style.rawValue)")
        #expect(buffer.plainText() + "\n" == text)
    }

    @Test("classes are numbered from 1 and named as the explorer names them")
    func numberingMatchesTheExplorer() throws {
        let episode = try Self.episode(seed: 0)
        let text = EpisodeText.render(episode, from: try TestData.dataset(), title: "t", style: .ascii)
        for (label, cls) in episode.classes.enumerated() {
            let name = ClassName.full(
                alphabet: cls.identity.alphabet, character: cls.identity.character, rotationDegrees: cls.identity.rotation.degrees)
            #expect(text.contains("class \(label + 1): \(name)\n"), "\(text)")
        }
        #expect(!text.contains("class 0"), "\(text)")
        for label in episode.queryLabels { #expect(text.contains("-> class \(label + 1)")) }
    }

    @Test("ASCII output is ASCII throughout; every drawing is framed in 21 x 11 cells")
    func asciiShape() throws {
        let text = EpisodeText.render(try Self.episode(seed: 0), from: try TestData.dataset(), title: "t", style: .ascii)
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        let frameTops = text.split(separator: "\n").filter { $0.hasPrefix("+---") }
        let top = "+" + String(repeating: "-", count: EpisodeText.glyphColumns) + "+"
        #expect(frameTops.first.map(String.init) == top + "  " + top)
        // A top and a bottom border per row of drawings.
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("|") }.count == EpisodeText.glyphRows * frameTops.count / 2)
        #expect(text.contains("@") || text.contains("%"))
    }
}
