import Autodiff
import Foundation
import TestSupport
import Testing

@testable import FewShot

/// Santoro et al.'s sequences: 5 classes x 10 drawings shuffled into 50 steps, labels assigned
/// anew per episode, the label of a step fed one step later, drawings downscaled to 20x20.
@Suite("Sequence sampler")
struct SequenceSamplerTests {
    private static let loaded = Result { try ClassSplit.load(.vinyals, part: .train, dataset: TestData.dataset(), location: TestData.omniglot()) }
    static var split: ClassSplit { get throws { try loaded.get() } }

    @Test("the same seed gives the same sequence; different seeds differ")
    func determinism() throws {
        let sampler = try SequenceSampler(split: Self.split)
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let first = sampler.sample(using: &a)
        #expect(first == sampler.sample(using: &b))
        #expect(first != sampler.sample(using: &c))
    }

    @Test("50 steps: 10 distinct drawings of each of 5 distinct classes, shuffled, labels 0..<5")
    func shape() throws {
        let sampler = try SequenceSampler(split: Self.split)
        var rng = SeededGenerator(seed: 3)
        let episode = sampler.sample(using: &rng)
        #expect(episode.length == 50 && sampler.length == 50)
        #expect(Set(episode.classes).count == 5)
        #expect(Set(episode.drawings).count == 50)
        for label in 0..<5 {
            let steps = episode.labels.indices.filter { episode.labels[$0] == label }
            #expect(steps.count == 10)
            // Each drawing belongs to its label's class: same character (20 drawings each), same rotation.
            let characters = Set(steps.map { Int(episode.drawings[$0].index) / OmniglotDataset.drawingsPerCharacter })
            let rotations = Set(steps.map { episode.drawings[$0].rotation })
            #expect(characters.count == 1 && rotations == [episode.classes[label].rotation])
        }
        // Shuffled, not class-major: the first ten steps hold more than one class.
        #expect(Set(episode.labels.prefix(10)).count > 1)
        // Instances count appearances: each class's k-th step is instance k.
        let instances = episode.instances
        for label in 0..<5 {
            #expect(episode.labels.indices.filter { episode.labels[$0] == label }.map { instances[$0] } == Array(1...10))
        }
    }

    @Test("labels are assigned to characters anew in every episode, and rotations count as classes")
    func labelsAreReassigned() throws {
        let sampler = try SequenceSampler(split: Self.split)
        var rng = SeededGenerator(seed: 9)
        var labelsOfCharacter: [String: Set<Int>] = [:]
        var rotations = Set<Rotation>()
        for _ in 0..<400 {
            let episode = sampler.sample(using: &rng)
            for (label, identity) in episode.classes.enumerated() {
                labelsOfCharacter["\(identity.alphabet)/\(identity.character)", default: []].insert(label)
                rotations.insert(identity.rotation)
            }
        }
        #expect(labelsOfCharacter.values.contains { $0.count > 1 }, "a character seen twice took another label")
        #expect(rotations.count == 4)
    }

    @Test("the input at step t is x_t at 20x20 with the one-hot label of step t-1, zeros at t = 0")
    func batchTensors() throws {
        let sampler = try SequenceSampler(split: Self.split)
        var rng = SeededGenerator(seed: 4)
        let episodes = [sampler.sample(using: &rng), sampler.sample(using: &rng)]
        let dataset = try TestData.dataset()
        let batch = SequenceBatch(episodes, from: dataset)
        #expect(batch.images.shape == [50, 2, 400] && batch.previousLabels.shape == [50, 2, 5])
        #expect(batch.images.scalars.allSatisfy { $0 >= 0 && $0 <= 1 } && batch.images.scalars.contains { $0 > 0.5 })
        for t in [0, 1, 17, 49] {
            let input = batch.input(atStep: t)
            #expect(input.shape == [2, 405])
            for b in 0..<2 {
                let label = Array(input.scalars[(b * 405 + 400)..<(b * 405 + 405)])
                let expected = (0..<5).map { t > 0 && $0 == episodes[b].labels[t - 1] ? Float(1) : 0 }
                #expect(label == expected, "step \(t), sequence \(b)")
                #expect(batch.targets[t * 2 + b] == episodes[b].labels[t])
            }
        }
        // The 20x20 image is the area average of the rotated 105x105 drawing: same ink share.
        let bitmap = dataset.bitmap(episodes[1].drawings[5])
        let ink = Float(bitmap.pixels.map(Int.init).reduce(0, +)) / Float(105 * 105)
        let image = batch.images.scalars[((5 * 2 + 1) * 400)..<((5 * 2 + 2) * 400)]
        #expect(abs(image.reduce(0, +) / 400 - ink) < 1e-4)
    }

    @Test("requests the split cannot meet throw")
    func invalidRequests() throws {
        #expect(throws: EpisodeError.self) { try SequenceSampler(split: Self.split, classes: 0) }
        #expect(throws: EpisodeError.self) { try SequenceSampler(split: Self.split, drawingsPerClass: 21) }
        #expect(throws: EpisodeError.self) { try SequenceSampler(split: ClassSplit(name: "tiny", classes: []), classes: 5) }
    }
}
