import Foundation
import TestSupport
import Testing

@testable import FewShot

/// Expected numbers were computed once with Python 3.11 and Pillow 13.0 from the zips in
/// /work/shared/omniglot: `Image.open(...)` (mode "1"), ink = pixels equal to 0, rotations with
/// `Image.rotate(angle)` (counterclockwise, as the Vinyals split code uses); "index sum" is the
/// sum of the row-major indices (y * 105 + x) of the ink pixels, which pins their positions.
@Suite("Omniglot archives")
struct OmniglotDecodeTests {
    @Test("the two archives hold the counts SOURCES.md lists")
    func counts() throws {
        let data = try TestData.dataset()
        let background = data.alphabets.filter { $0.set == .background }
        let evaluation = data.alphabets.filter { $0.set == .evaluation }
        #expect(background.count == 30)
        #expect(evaluation.count == 20)
        #expect(background.reduce(0) { $0 + $1.characters.count } == 964)
        #expect(evaluation.reduce(0) { $0 + $1.characters.count } == 659)
        #expect(data.characterCount == 1623)
        #expect(data.drawings.count == 32_460)
        #expect(Set(data.characterIDs) == Set(1...1623))
        #expect(background.first?.name == "Alphabet_of_the_Magi" && evaluation.last?.name == "ULOG")
    }

    @Test("total ink per archive matches Pillow's count")
    func totalInk() throws {
        let data = try TestData.dataset()
        var ink: [OmniglotDataset.Set: Int] = [:]
        for alphabet in data.alphabets {
            for d in (alphabet.characters.lowerBound * 20)..<(alphabet.characters.upperBound * 20) {
                ink[alphabet.set, default: 0] += data.drawings.bitmap(d).inkCount
            }
        }
        #expect(ink[.background] == 16_567_007)
        #expect(ink[.evaluation] == 12_247_261)
    }

    struct Known: Sendable, CustomTestStringConvertible {
        var alphabet: String, character: Int, drawer: Int, path: String
        var ink: Int
        var indexSums: [Int]  // rotations 0, 90, 180, 270
        var testDescription: String { path }
    }

    static let known: [Known] = [
        Known(
            alphabet: "Alphabet_of_the_Magi", character: 1, drawer: 1, path: "images_background/Alphabet_of_the_Magi/character01/0709_01.png",
            ink: 905, indexSums: [5_388_890, 5_327_680, 4_587_830, 4_649_040]),
        Known(
            alphabet: "Braille", character: 1, drawer: 3, path: "images_background/Braille/character01/0192_03.png",
            ink: 25, indexSums: [116_725, 145_475, 158_875, 130_125]),
        Known(
            alphabet: "Angelic", character: 1, drawer: 3, path: "images_evaluation/Angelic/character01/0965_03.png",
            ink: 1745, indexSums: [9_423_401, 9_534_045, 9_813_479, 9_702_835]),
        Known(
            alphabet: "ULOG", character: 26, drawer: 20, path: "images_evaluation/ULOG/character26/1623_20.png",
            ink: 455, indexSums: [2_079_201, 2_916_459, 2_936_719, 2_099_461]),
        Known(
            alphabet: "Korean", character: 40, drawer: 11, path: "images_background/Korean/character40/0682_11.png",
            ink: 1160, indexSums: [7_298_610, 5_618_640, 5_489_230, 7_169_200])
    ]

    @Test("known drawings decode to Pillow's pixels at every rotation", arguments: known)
    func knownDrawing(_ known: Known) throws {
        let data = try TestData.dataset()
        let character = try #require(data.characterIndex(alphabet: known.alphabet, number: known.character))
        for rotation in Rotation.allCases {
            let ref = data.ref(character: character, drawer: known.drawer, rotation: rotation)
            #expect(data.entryPath(of: ref) == known.path)
            let bitmap = data.bitmap(ref)
            #expect(bitmap.inkCount == known.ink)
            let indexSum = bitmap.pixels.enumerated().reduce(0) { $0 + ($1.element == 1 ? $1.offset : 0) }
            #expect(indexSum == known.indexSums[rotation.rawValue], "rotation \(rotation.degrees)")
        }
    }
}
