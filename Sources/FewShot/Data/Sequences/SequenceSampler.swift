import Autodiff

/// Draws the sequences of Santoro et al.'s one-shot task from a split, reproducibly: `classes`
/// classes (a class is a character at a rotation, so rotations count as classes, as in the
/// paper), `drawingsPerClass` drawings of each, shuffled into one sequence.
public struct SequenceSampler: Sendable {
    /// The split sequences come from.
    public let split: ClassSplit
    /// Classes per sequence (the paper: 5) and drawings of each (the paper: 10).
    public let classes: Int, drawingsPerClass: Int

    /// A sampler; throws ``EpisodeError`` when the split cannot supply such sequences.
    public init(split: ClassSplit, classes: Int = 5, drawingsPerClass: Int = 10) throws {
        for (name, value) in [("classes", classes), ("drawings per class", drawingsPerClass)] where value < 1 {
            throw EpisodeError.invalidCount(name: name, value: value)
        }
        let available = OmniglotDataset.drawingsPerCharacter
        guard drawingsPerClass <= available else {
            throw EpisodeError.tooManyDrawings(shots: drawingsPerClass, queries: 0, available: available)
        }
        guard split.classes.count >= classes else {
            throw EpisodeError.tooFewClasses(split: split.name, requested: classes, available: split.classes.count, withinAlphabet: false)
        }
        self.split = split
        self.classes = classes
        self.drawingsPerClass = drawingsPerClass
    }

    /// Steps per sequence: classes × drawings per class.
    public var length: Int { classes * drawingsPerClass }

    /// The next sequence. The classes come in random order and take their position as label, so
    /// labels are assigned to characters at random anew in every episode: a network cannot learn
    /// which character is "label 2", only to bind labels within the episode.
    public func sample(using generator: inout SeededGenerator) -> SequenceEpisode {
        let chosen = EpisodeSampler.choose(classes, from: Array(split.classes.indices), using: &generator)
        var steps: [(DrawingRef, Int)] = []
        steps.reserveCapacity(length)
        for (label, index) in chosen.enumerated() {
            let c = split.classes[index]
            let picked = EpisodeSampler.choose(drawingsPerClass, from: Array(0..<OmniglotDataset.drawingsPerCharacter), using: &generator)
            steps += picked.map { (DrawingRef(index: c.character * OmniglotDataset.drawingsPerCharacter + $0, rotation: c.identity.rotation), label) }
        }
        let order = EpisodeSampler.choose(steps.count, from: Array(steps.indices), using: &generator)
        return SequenceEpisode(
            classes: chosen.map { split.classes[$0].identity }, drawings: order.map { steps[$0].0 }, labels: order.map { steps[$0].1 })
    }
}
