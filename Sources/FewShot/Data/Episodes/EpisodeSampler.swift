import Autodiff

/// Draws N-way K-shot episodes with Q queries per class from a split, reproducibly: the same
/// seeded generator state gives the same episode on every machine.
public struct EpisodeSampler: Sendable {
    /// The split episodes come from.
    public let split: ClassSplit
    /// N, K and Q.
    public let ways: Int, shots: Int, queries: Int
    /// Whether all classes of an episode come from one alphabet (a harder, finer task).
    public let withinAlphabet: Bool
    /// For within-alphabet sampling, the split's class indices grouped by alphabet, only the
    /// alphabets with at least `ways` classes.
    private let alphabetGroups: [[Int]]

    /// A sampler; throws ``EpisodeError`` when the split cannot supply such episodes.
    public init(split: ClassSplit, ways: Int, shots: Int, queries: Int, withinAlphabet: Bool = false) throws {
        for (name, value) in [("ways", ways), ("shots", shots), ("queries", queries)] where value < 1 {
            throw EpisodeError.invalidCount(name: name, value: value)
        }
        let perClass = OmniglotDataset.drawingsPerCharacter
        guard shots + queries <= perClass else { throw EpisodeError.tooManyDrawings(shots: shots, queries: queries, available: perClass) }
        var groups: [[Int]] = []
        if withinAlphabet {
            var byAlphabet: [String: [Int]] = [:]
            var order: [String] = []
            for (i, c) in split.classes.enumerated() {
                if byAlphabet[c.identity.alphabet] == nil { order.append(c.identity.alphabet) }
                byAlphabet[c.identity.alphabet, default: []].append(i)
            }
            let all = order.map { byAlphabet[$0]! }
            groups = all.filter { $0.count >= ways }
            guard !groups.isEmpty else {
                throw EpisodeError.tooFewClasses(split: split.name, requested: ways, available: all.map(\.count).max() ?? 0, withinAlphabet: true)
            }
        } else {
            guard split.classes.count >= ways else {
                throw EpisodeError.tooFewClasses(split: split.name, requested: ways, available: split.classes.count, withinAlphabet: false)
            }
        }
        self.split = split
        self.ways = ways
        self.shots = shots
        self.queries = queries
        self.withinAlphabet = withinAlphabet
        self.alphabetGroups = groups
    }

    /// The next episode. Classes are labelled in the order drawn; queries are class-major.
    public func sample(using generator: inout SeededGenerator) -> Episode {
        let pool = withinAlphabet ? alphabetGroups[generator.nextInt(below: alphabetGroups.count)] : Array(split.classes.indices)
        let chosen = Self.choose(ways, from: pool, using: &generator)
        var classes: [Episode.Class] = []
        var queryRefs: [DrawingRef] = []
        var labels: [Int] = []
        classes.reserveCapacity(ways)
        queryRefs.reserveCapacity(ways * queries)
        for (label, index) in chosen.enumerated() {
            let splitClass = split.classes[index]
            let drawings = Self.choose(shots + queries, from: Array(0..<OmniglotDataset.drawingsPerCharacter), using: &generator)
            let refs = drawings.map {
                DrawingRef(index: splitClass.character * OmniglotDataset.drawingsPerCharacter + $0, rotation: splitClass.identity.rotation)
            }
            classes.append(Episode.Class(identity: splitClass.identity, support: Array(refs[..<shots])))
            queryRefs += refs[shots...]
            labels += Array(repeating: label, count: queries)
        }
        return Episode(classes: classes, queries: queryRefs, queryLabels: labels)
    }

    /// `count` distinct elements of `pool` in random order: a partial Fisher–Yates shuffle
    /// driven only by `nextInt(below:)`, so it is the same on every platform.
    static func choose(_ count: Int, from pool: [Int], using generator: inout SeededGenerator) -> [Int] {
        var items = pool
        for i in 0..<count {
            let j = i + generator.nextInt(below: items.count - i)
            items.swapAt(i, j)
        }
        return Array(items[..<count])
    }
}
