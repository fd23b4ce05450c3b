import Autodiff

extension Evaluator {
    /// Santoro et al.'s score: per instance k, how often the k-th appearance of a class in a
    /// sequence is labelled right, with its 95% interval over the sequences.
    public struct InstanceAccuracy: Sendable, Equatable {
        /// Index k − 1 holds the accuracy at the k-th instance, for k = 1 ... drawings per class.
        public var byInstance: [Accuracy]
        /// Over all steps.
        public var overall: Accuracy
        /// Test sequences.
        public var episodes: Int

        /// The accuracy at instance `k` (1-based).
        public func at(_ k: Int) -> Accuracy { byInstance[k - 1] }
    }

    /// The instances the paper's Table 1 reports.
    public static let reportedInstances = [1, 2, 3, 4, 5, 10]

    /// Accuracy by instance over `episodes` sequences of `split`, shaped as the model was
    /// trained (its classes and drawings per class), run `batchSize` sequences at a time.
    public func instanceAccuracy(
        dataset: OmniglotDataset, split: ClassSplit, episodes: Int, batchSize: Int = 16, using generator: inout SeededGenerator,
        progress: (Int) -> Void = { _ in }
    ) throws -> InstanceAccuracy {
        guard let learner = checkpoint.architecture.sequenceLearner else {
            throw TrainingError.invalidConfiguration("accuracy by instance needs a sequence model (MANN or LSTM)")
        }
        let c = checkpoint.configuration
        let sampler = try SequenceSampler(split: split, classes: c.ways, drawingsPerClass: c.shots)
        var perInstance = [[Float]](repeating: [], count: c.shots)
        var overall: [Float] = []
        while overall.count < episodes {
            let drawn = (0..<min(batchSize, episodes - overall.count)).map { _ in sampler.sample(using: &generator) }
            let batch = SequenceBatch(drawn, from: dataset)
            let predicted = learner.predictions(parameters: checkpoint.parameters, batch: batch)
            for (b, episode) in drawn.enumerated() {
                var hits = [Int](repeating: 0, count: c.shots), counts = [Int](repeating: 0, count: c.shots)
                for (t, instance) in episode.instances.enumerated() {
                    counts[instance - 1] += 1
                    if predicted[t * drawn.count + b] == episode.labels[t] { hits[instance - 1] += 1 }
                }
                for k in 0..<c.shots where counts[k] > 0 { perInstance[k].append(Float(hits[k]) / Float(counts[k])) }
                overall.append(Float(hits.reduce(0, +)) / Float(episode.length))
            }
            progress(overall.count)
        }
        return InstanceAccuracy(byInstance: perInstance.map(Self.summarize), overall: Self.summarize(overall), episodes: overall.count)
    }
}
