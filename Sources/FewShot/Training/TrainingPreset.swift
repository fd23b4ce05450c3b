/// Named schedules besides the papers' defaults (``TrainingConfiguration/standard(_:_:)``).
public enum TrainingPreset: String, Sendable, Codable, CaseIterable {
    /// A useful model trained from scratch during a lecture, on two cores, while a class watches
    /// its test accuracy rise: ProtoNet on Omniglot and MAML on sine. Chosen by experiment (see
    /// the README's "A model trained live").
    case live

    /// The algorithm and dataset pairs this preset has a schedule for.
    public var pairs: [(Algorithm, DatasetKind)] {
        switch self {
        case .live: return [(.protonet, .omniglot), (.maml, .sine)]
        }
    }

    /// Whether the preset has a schedule for `algorithm` on `dataset`.
    public func isDefined(for algorithm: Algorithm, on dataset: DatasetKind) -> Bool {
        pairs.contains { $0 == (algorithm, dataset) }
    }
}

extension TrainingConfiguration {
    /// The preset's configuration for `algorithm` on `dataset`, nil when it has none.
    public static func preset(_ preset: TrainingPreset, _ algorithm: Algorithm, _ dataset: DatasetKind) -> TrainingConfiguration? {
        guard preset.isDefined(for: algorithm, on: dataset) else { return nil }
        var c = standard(algorithm, dataset)
        c.preset = preset
        switch (algorithm, dataset) {
        case (.protonet, .omniglot):
            // The peers' 60-way 1-shot episodes with 5 queries per class (360 drawings, about
            // 0.2 s on two quiet cores), max-pooling ConvNet4 on 28x28 drawings, Adam at three
            // times their 1e-3, halved every 400 iterations. Tested every 50 iterations (about 10 s
            // of training) on 300 test episodes, as the peers checked 300 every 30 seconds; no
            // validation pass, which would only repeat that on the val classes.
            (c.ways, c.shots, c.queries, c.metaStepSize) = (60, 1, 5, 0.003)
            (c.learningRateDecayInterval, c.iterations) = (400, 2000)
            (c.validationInterval, c.checkpointInterval) = (0, 500)
            (c.heldOutInterval, c.heldOutEpisodes) = (50, 300)
        default:
            // MAML on sine: Finn et al.'s tasks (K=10, meta-batch 25, one step of 0.01) with an
            // outer step ten times theirs, halved every 2,000 iterations (twenty times reached 0.7
            // sooner from seed 0 but stalled near 0.85 from seed 7). Tested every 500
            // iterations on the protocol's 600 tasks (0.1 s), no validation pass (4,000 tasks with
            // ten steps each) to hold the run up.
            (c.metaStepSize, c.learningRateDecayInterval, c.iterations) = (0.01, 2000, 10_000)
            (c.validationInterval, c.checkpointInterval) = (0, 5000)
            (c.heldOutInterval, c.heldOutEpisodes) = (500, StandardEvaluation.SineProtocol.tasks)
        }
        return c
    }
}
