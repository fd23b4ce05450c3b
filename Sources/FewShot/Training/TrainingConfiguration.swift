import NeuralNets

/// Which meta-learner to train.
public enum Algorithm: String, Sendable, Codable, CaseIterable {
    case protonet, maml, fomaml, reptile
    /// The rest of the metric family: Matching Networks, the Siamese network, Relation Networks.
    case matching, siamese, relation
    /// Plain regression on tasks mixed together, fine-tuned at test time: MAML's sine baseline.
    case pretrained
    /// The model-based family: Santoro et al.'s memory-augmented network and its LSTM baseline,
    /// which learn within an episode in their activations, on sequences with the label offset.
    case mann, lstm

    /// The metric family: a query takes the label of the support examples it resembles. Defined
    /// on Omniglot only (a sine task has no classes to compare).
    public var isMetricBased: Bool { [.protonet, .matching, .siamese, .relation].contains(self) }

    /// The model-based family: trained and tested on sequences (``SequenceSampler``), scored by
    /// accuracy per instance rather than per N-way K-shot episode. Defined on Omniglot only.
    public var isModelBased: Bool { self == .mann || self == .lstm }

    /// Whether the algorithm has a recipe on `dataset`: the metric family compares classes, which
    /// sine tasks lack, and the pretrained baseline is the sine experiment's.
    public func isDefined(on dataset: DatasetKind) -> Bool {
        switch dataset {
        case .omniglot: return self != .pretrained
        case .sine: return !isMetricBased && !isModelBased
        }
    }
}

/// Which task distribution to train on.
public enum DatasetKind: String, Sendable, Codable, CaseIterable {
    case omniglot, sine
}

/// Everything that determines a training run; stored in every checkpoint so that `--resume`
/// and `eval` rebuild the same model.
public struct TrainingConfiguration: Sendable, Codable, Equatable {
    public var algorithm: Algorithm
    public var dataset: DatasetKind
    public var split: String = "vinyals"
    /// Classes per training episode (ProtoNet trains with more ways than it tests with).
    public var ways: Int = 5
    public var shots: Int = 1
    public var queries: Int = 1
    public var metaBatch: Int = 1
    public var innerSteps: Int = 1
    public var innerStepSize: Float = 0.4
    /// Support examples per inner step at meta-training time; nil takes the whole support set
    /// (MAML). Reptile takes mini-batches of 10 out of 10-shot tasks, as Nichol et al.
    public var innerBatch: Int?
    /// Matching Networks: the factor on cosine similarities before the attention softmax; nil is
    /// 1, as the paper. Cosines of ReLU embeddings lie in [0, 1], so at 1 the attention over 20
    /// support examples stays nearly uniform and the loss can hardly fall; a larger factor (the
    /// temperature of cosine classifiers) lets attention focus.
    public var similarityScale: Float?
    /// MAML on sine: the meta-loss after the last inner step (nil, the paper) or the mean over
    /// every step.
    public var metaObjective: MetaObjective?
    public var metaStepSize: Float = 0.001
    public var iterations: Int = 1000
    public var seed: UInt64 = 0
    /// Halve (times `learningRateDecay`) the meta step size every this many iterations; 0 = never.
    public var learningRateDecayInterval: Int = 0
    public var learningRateDecay: Float = 0.5
    /// Validate every this many iterations; 0 = never.
    public var validationInterval: Int = 500
    public var validationEpisodes: Int = 200
    /// Write a checkpoint every this many iterations.
    public var checkpointInterval: Int = 500
    /// MAML's Omniglot net: strided convolutions or max-pooling.
    public var downsampling: ConvNet4.Downsampling = .strided
    /// Ways of the validation episodes (the test setting).
    public var validationWays: Int = 5
    /// Shots of the validation episodes.
    public var validationShots: Int = 1
    /// Inner steps when adapting at test time (MAML: 3, Reptile: 50, as their papers).
    public var evaluationInnerSteps: Int = 1
    /// MANN and the LSTM baseline: controller and memory sizes (nil for every other learner,
    /// so older checkpoints still read). For them `ways` is the classes per sequence and
    /// `shots` the drawings per class.
    public var sequenceModel: SequenceModelSettings?
    /// Sine models: units in each hidden layer of the MLP; nil is the paper's 40 (so checkpoints
    /// written before the field existed read as they were trained).
    public var sineHiddenUnits: Int?
    /// Run the test protocol on held-out classes (sine: tasks) every this many iterations
    /// (``HeldOutCheck``); nil or 0 never. It reports only, and selects nothing.
    public var heldOutInterval: Int?
    /// Episodes (sine: tasks) per held-out check; nil takes 300 (sine: the protocol's 600).
    public var heldOutEpisodes: Int?
    /// The preset the run started from, if any (stored in checkpoints so that a model says so).
    public var preset: TrainingPreset?
    /// Metric learners on Omniglot: random affine distortions of every training drawing (nil:
    /// none, as in files from before the field).
    public var distortion: AffineDistortion?

    /// Whether the algorithm learns a metric (no inner loop): such a model answers any number of
    /// ways and shots, so it trains with more ways than it is tested with.
    public var isMetricBased: Bool { algorithm.isMetricBased }

    /// The sine MLP this configuration trains (meaningful for the sine dataset only).
    public var sineNetwork: SineMLP { SineMLP(hidden: sineHiddenUnits ?? SineMLP.paperHiddenUnits) }

    public init(algorithm: Algorithm, dataset: DatasetKind) {
        self.algorithm = algorithm
        self.dataset = dataset
    }

    /// The configurations of the published experiments, as defaults for `episcope train`.
    public static func standard(_ algorithm: Algorithm, _ dataset: DatasetKind) -> TrainingConfiguration {
        var c = TrainingConfiguration(algorithm: algorithm, dataset: dataset)
        switch (algorithm, dataset) {
        case (.protonet, _):
            // Snell et al.: 60-way 5-shot 5-query training episodes, Adam 1e-3 halved every 2000.
            (c.ways, c.shots, c.queries, c.metaStepSize) = (60, 5, 5, 0.001)
            (c.learningRateDecayInterval, c.iterations, c.validationShots) = (2000, 10_000, 1)
            c.downsampling = .maxPool
        case (.matching, _):
            // Vinyals et al. train on episodes like the test's; more ways help a metric learner
            // (Snell et al.), so 20-way, with ProtoNet's optimiser and schedule. Similarities scaled
            // by 10: 94.9% on validation after 500 iterations where the paper's 1 gave 81.5%.
            (c.ways, c.shots, c.queries, c.metaStepSize, c.similarityScale) = (20, 1, 5, 0.001, 10)
            (c.learningRateDecayInterval, c.iterations, c.validationShots) = (2000, 10_000, 1)
            c.downsampling = .maxPool
        case (.siamese, _):
            // Koch et al. train on same/different pairs; every query-support pair of a 20-way
            // episode is one, same and different pairs weighted equally.
            (c.ways, c.shots, c.queries, c.metaStepSize) = (20, 1, 5, 0.001)
            (c.learningRateDecayInterval, c.iterations, c.validationShots) = (2000, 10_000, 1)
            c.downsampling = .maxPool
        case (.relation, _):
            // Sung et al.: 5-way 1-shot episodes with 19 queries per class, Adam 1e-3 halved
            // every 100,000 of 1,000,000 episodes; ours a tenth of that, halved every 10,000.
            (c.ways, c.shots, c.queries, c.metaStepSize) = (5, 1, 19, 0.001)
            (c.learningRateDecayInterval, c.iterations, c.validationShots) = (10_000, 100_000, 1)
        case (.maml, .omniglot), (.fomaml, .omniglot):
            // Finn et al.: 5-way 1-shot, meta-batch 32, one step of 0.4, Adam 1e-3.
            (c.ways, c.shots, c.queries, c.metaBatch) = (5, 1, 15, 32)
            (c.innerSteps, c.innerStepSize, c.metaStepSize, c.iterations) = (1, 0.4, 0.001, 30_000)
            c.evaluationInnerSteps = 3
        case (.reptile, .omniglot):
            // Nichol et al.: 10-shot training tasks seen in 5 inner mini-batches of 10 (one pass),
            // meta-batch 5, meta step 1 annealed to 0; tested 5-way 5-shot with 50 steps.
            (c.ways, c.shots, c.queries, c.metaBatch, c.innerBatch) = (5, 10, 5, 5, 10)
            (c.innerSteps, c.innerStepSize, c.metaStepSize, c.iterations, c.validationShots) = (5, 0.05, 1.0, 100_000, 5)
            c.evaluationInnerSteps = 50
        case (.mann, _), (.lstm, _):
            // Santoro et al.: 5 classes, 10 drawings each in 50 steps, batches of 16 sequences,
            // controller of 200 LSTM units, memory 128 x 40 with 4 read heads, γ = 0.95; Adam at
            // 1e-3 as the reference implementation (snowkylin/ntm) trains them, for its 100,000
            // batches (the paper's Figure 2 spans 100,000 episodes).
            (c.ways, c.shots, c.queries, c.metaBatch, c.metaStepSize) = (5, 10, 1, 16, 0.001)
            (c.iterations, c.validationInterval, c.validationEpisodes, c.checkpointInterval) = (100_000, 1000, 320, 500)
            c.sequenceModel = SequenceModelSettings()
        case (.pretrained, .omniglot):
            (c.ways, c.shots, c.queries, c.metaBatch) = (5, 1, 15, 32)
        case (_, .sine):
            // Finn et al.: K = 10, meta-batch 25, one step of 0.01, Adam 1e-3, 70,000 iterations.
            (c.ways, c.shots, c.queries, c.metaBatch) = (1, 10, 10, 25)
            (c.innerSteps, c.innerStepSize, c.metaStepSize, c.iterations) = (1, 0.01, 0.001, 70_000)
            (c.validationInterval, c.validationEpisodes) = (1000, 4000)
            c.checkpointInterval = 5000
            if algorithm == .reptile {
                // Nichol et al.'s sine demo: several plain SGD steps of 0.02 on the task's
                // points, the outer step annealed linearly to 0. Their demo steps 0.1 with one
                // task per meta-batch; ours averages 25 tasks' moves, which bears the 1.0 they
                // use on Omniglot: after 1,500 iterations validation MSE was 0.76 with 1.0
                // against 2.45 with 0.1 (the MAML trainer test asks below 1.6 after as many).
                (c.innerSteps, c.innerStepSize, c.metaStepSize) = (5, 0.02, 1.0)
            }
        }
        return c
    }
}
