import Foundation
import TestSupport
import Testing

@testable import FewShot

@Suite("Class splits")
struct OmniglotSplitTests {
    static var location: DataLocation { get throws { try TestData.omniglot() } }

    @Test("vinyals parts have the sizes SOURCES.md lists, and every class resolves")
    func vinyals() throws {
        let data = try TestData.dataset()
        let sizes: [ClassSplit.Part: (Int, Int)] = [.train: (4112, 1028), .val: (688, 172), .trainval: (4800, 1200), .test: (1692, 423)]
        for (part, (classes, characters)) in sizes {
            let split = try ClassSplit.load(.vinyals, part: part, dataset: data, location: Self.location)
            #expect(split.classes.count == classes)
            #expect(Set(split.classes.map(\.character)).count == characters)
        }
        let first = try ClassSplit.load(.vinyals, part: .test, dataset: data, location: Self.location).classes[1]
        #expect(first.identity.description == "Gurmukhi/character42/rot090")
        #expect(data.identity(ofCharacter: first.character, rotation: .r90) == first.identity)
    }

    @Test("lake and small splits: background (or a small subset) to train, evaluation to test")
    func lake() throws {
        let data = try TestData.dataset()
        #expect(try ClassSplit.load(.lake, part: .train, dataset: data, location: Self.location).classes.count == 964)
        #expect(try ClassSplit.load(.lake, part: .test, dataset: data, location: Self.location).classes.count == 659)
        #expect(try ClassSplit.load(.small1, part: .train, dataset: data, location: Self.location).classes.count == 136)
        let small2 = try ClassSplit.load(.small2, part: .train, dataset: data, location: Self.location)
        #expect(small2.classes.count == 156)
        #expect(Set(small2.classes.map(\.identity.alphabet)) == ["Greek", "Japanese_(katakana)", "Latin", "Sanskrit", "Tagalog"])
        #expect(throws: OmniglotError.self) { try ClassSplit.load(.lake, part: .val, dataset: data, location: Self.location) }
        #expect(throws: OmniglotError.unknownSplit("nope/train")) {
            try ClassSplit.load(named: "nope", part: "train", dataset: data, location: Self.location)
        }
    }

    @Test("a split naming a missing class is an error naming the file and line")
    func missingClass() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let splits = folder.appendingPathComponent("splits/vinyals")
        try FileManager.default.createDirectory(at: splits, withIntermediateDirectories: true)
        let file = splits.appendingPathComponent("train.txt")
        try "Angelic/character01/rot000\nAngelic/character99/rot000\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: OmniglotError.badSplit(path: file.path, line: 2, reason: "class Angelic/character99/rot000 is not in the archives")) {
            try ClassSplit.load(.vinyals, part: .train, dataset: try TestData.dataset(), location: DataLocation(directory: folder))
        }
        try "Angelic/character01/rot045\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: OmniglotError.self) {
            try ClassSplit.load(.vinyals, part: .train, dataset: try TestData.dataset(), location: DataLocation(directory: folder))
        }
    }
}
