import Autodiff
import FewShot
import NeuralNets

/// Training images per second of each metric learner on one episode of its standard training
/// setting (ProtoNet and Matching Networks 60- and 20-way, the Siamese network 20-way, Relation
/// Networks 5-way with 19 queries), so their costs sit side by side.
enum MetricBenchmarks {
    static let learners: [(name: BenchName, algorithm: Algorithm)] = [
        (.protonetEpisode, .protonet), (.matchingEpisode, .matching), (.siameseEpisode, .siamese), (.relationEpisode, .relation)
    ]

    /// One forward, backward and Adam step on random drawings; the median of `repeats` after a warm-up.
    static func episode(_ name: BenchName, _ algorithm: Algorithm, repeats: Int = 5) -> BenchReport {
        let c = TrainingConfiguration.standard(algorithm, .omniglot)
        let architecture = ModelArchitecture(c)
        guard let learner = MetricLearner(architecture) else { preconditionFailure("\(algorithm) is not a metric learner") }
        var rng = SeededGenerator(seed: 5)
        var parameters = architecture.initialParameters(using: &rng)
        let support = Tensor.randomUniform(shape: [c.ways * c.shots, 1, 28, 28], in: 0...1, using: &rng)
        let query = Tensor.randomUniform(shape: [c.ways * c.queries, 1, 28, 28], in: 0...1, using: &rng)
        let (supportLabels, queryLabels) = ((0..<c.ways * c.shots).map { $0 / c.shots }, (0..<c.ways * c.queries).map { $0 / c.queries })
        let running = RunningStatistics(layers: architecture.normalizationLayers, channels: 64)
        var adam = Adam(learningRate: c.metaStepSize)
        func step() {
            GradientStep.descend(&parameters, with: &adam) { p in
                let r = learner.episode(
                    parameters: p, support: support, supportLabels: supportLabels, query: query, queryLabels: queryLabels, ways: c.ways,
                    normalization: .batch(running: running))
                return (r.loss, ())
            }
        }
        step()
        let seconds = medianSeconds(repeats: repeats) { step() }
        let images = c.ways * (c.shots + c.queries)
        return BenchReport(
            name: name,
            figures: [("images_per_s", Double(images) / seconds), ("episode", "\(c.ways)-way \(c.shots)-shot \(c.queries) queries")])
    }
}
