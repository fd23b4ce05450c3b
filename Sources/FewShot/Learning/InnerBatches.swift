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
        var stream: [Int] = []
        while stream.count < count * size {
            stream += EpisodeSampler.choose(examples, from: Array(0..<examples), using: &generator)
        }
        indices = (0..<count).map { Array(stream[($0 * size)..<(($0 + 1) * size)]) }
    }
}
