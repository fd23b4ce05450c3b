import Autodiff
import Foundation
import TestSupport
import Testing

@testable import FewShot

@Suite("Episode sampler")
struct EpisodeSamplerTests {
    private static let loaded = Result { try ClassSplit.load(.vinyals, part: .train, dataset: TestData.dataset(), location: TestData.omniglot()) }
    /// Vinyals' training classes, loaded once; without data every test here fails with the reason.
    static var split: ClassSplit { get throws { try loaded.get() } }

    @Test("the same seed gives the same episode; different seeds differ")
    func determinism() throws {
        let sampler = try EpisodeSampler(split: Self.split, ways: 5, shots: 3, queries: 2)
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let first = sampler.sample(using: &a)
        #expect(first == sampler.sample(using: &b))
        #expect(first != sampler.sample(using: &c))
        #expect(sampler.sample(using: &a) != first)
    }

    @Test("a fixed seed gives this exact episode on every machine")
    func pinned() throws {
        var generator = SeededGenerator(seed: 0)
        let episode = try EpisodeSampler(split: Self.split, ways: 3, shots: 1, queries: 1).sample(using: &generator)
        let described = episode.classes.map { "\($0.identity) \($0.support.map(\.index))" }
        #expect(described == Self.pinnedClasses, "\(described)")
    }

    // Recorded from the first run of this sampler (seed 0, xoshiro256** via SeededGenerator);
    // a change here means every saved seed now gives different episodes.
    static let pinnedClasses = [
        "Burmese_(Myanmar)/character13/rot000 [5568]", "Atlantean/character06/rot270 [20319]", "Aurek-Besh/character11/rot090 [20930]"
    ]

    @Test("episodes are well formed: distinct classes and drawings, labels, class-major support")
    func shape() throws {
        let sampler = try EpisodeSampler(split: Self.split, ways: 20, shots: 5, queries: 15)
        let data = try TestData.dataset()
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<20 {
            let episode = sampler.sample(using: &generator)
            #expect(episode.ways == 20 && episode.shots == 5 && episode.queries.count == 300)
            #expect(Set(episode.classes.map(\.identity)).count == 20)
            #expect(Set(episode.support + episode.queries).count == 20 * 20)
            #expect(episode.supportLabels == (0..<20).flatMap { Array(repeating: $0, count: 5) })
            for (label, cls) in episode.classes.enumerated() {
                let character = data.character(of: cls.support[0])
                #expect(data.identity(ofCharacter: character, rotation: cls.identity.rotation) == cls.identity)
                #expect(episode.queries(ofClass: label).allSatisfy { data.character(of: $0) == character && $0.rotation == cls.identity.rotation })
            }
        }
    }

    @Test("within-alphabet episodes draw every class from one alphabet")
    func withinAlphabet() throws {
        let sampler = try EpisodeSampler(split: Self.split, ways: 10, shots: 1, queries: 1, withinAlphabet: true)
        var generator = SeededGenerator(seed: 1)
        var alphabets = Set<String>()
        for _ in 0..<30 {
            let episode = sampler.sample(using: &generator)
            let names = Set(episode.classes.map(\.identity.alphabet))
            #expect(names.count == 1)
            alphabets.formUnion(names)
        }
        #expect(alphabets.count > 5)
    }

    @Test("model inputs: [count, 1, 28, 28] tensors of the referenced images")
    func tensors() throws {
        let sampler = try EpisodeSampler(split: Self.split, ways: 4, shots: 2, queries: 3)
        var generator = SeededGenerator(seed: 5)
        let episode = sampler.sample(using: &generator)
        let data = try TestData.dataset()
        let support = episode.supportImages(from: data), query = episode.queryImages(from: data)
        #expect(support.shape == [8, 1, 28, 28] && query.shape == [12, 1, 28, 28])
        #expect(Array(support.scalars[(3 * 784)..<(4 * 784)]) == data.image28(episode.support[3]))
        #expect(Array(query.scalars[(11 * 784)..<(12 * 784)]) == data.image28(episode.queries[11]))
        #expect(episode.queryLabels == [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3])
    }

    @Test("impossible requests are clear errors")
    func impossible() throws {
        let split = try Self.split
        #expect(throws: EpisodeError.tooFewClasses(split: "vinyals/train", requested: 5000, available: 4112, withinAlphabet: false)) {
            try EpisodeSampler(split: split, ways: 5000, shots: 1, queries: 1)
        }
        #expect(throws: EpisodeError.tooManyDrawings(shots: 10, queries: 11, available: 20)) {
            try EpisodeSampler(split: split, ways: 5, shots: 10, queries: 11)
        }
        #expect(throws: EpisodeError.self) { try EpisodeSampler(split: split, ways: 1000, shots: 1, queries: 1, withinAlphabet: true) }
        #expect(throws: EpisodeError.invalidCount(name: "shots", value: 0)) { try EpisodeSampler(split: split, ways: 5, shots: 0, queries: 1) }
    }
}
