import Autodiff

/// The support examples each inner step sees when the inner loop takes mini-batches, as in
/// Nichol et al.'s Reptile: the examples are shuffled, cut into batches of `size`, and
/// reshuffled whenever a pass runs out, so a batch may span two passes but never repeats an
/// example within one pass.
public struct InnerBatches: Sendable, Equatable {
    /// Row indices into the support set, one array per step.
    public let indices: [[Int]]

    /// `count` batches of `size` out of `examples` support examples.
    public init(count: Int, size: Int, examples: Int, using generator: inout SeededGenerator) {
        precondition(size > 0 && size <= examples, "InnerBatches: batch of \(size) out of \(examples) examples")
        var batches: [[Int]] = []
        var current: [Int] = []
        var pass: [Int] = []
        while batches.count < count {
            if pass.isEmpty { pass = EpisodeSampler.choose(examples, from: Array(0..<examples), using: &generator).reversed() }
            current.append(pass.removeLast())
            if current.count == size {
                batches.append(current)
                current = []
            }
        }
        indices = batches
    }
}
