import Autodiff
import Foundation
import NeuralNets

/// Runs one training configuration an iteration at a time, so that the CLI can loop over it and
/// the explorer can step it on a background thread; writes and resumes checkpoints.
public final class Trainer {
    public let configuration: TrainingConfiguration
    public private(set) var parameters: ParameterList
    public private(set) var optimizer: Adam
    public private(set) var generator: SeededGenerator
    public private(set) var iteration: Int
    /// Running batch-norm statistics (ProtoNet evaluates with them).
    public let running: RunningStatistics?
    /// Seconds spent training, over all sessions of this run.
    public private(set) var wallSeconds: Double
    /// Where checkpoints go; nil keeps everything in memory (the explorer's quick runs).
    public var outputPath: String?
    /// The command line, stored in checkpoints.
    public var command: String
    /// Whether iteration reports carry ProtoNet's episode internals (costs a copy per iteration).
    public var reportsEpisodes = false
    /// The test protocol on held-out data, run when due (``HeldOutCheck/isDue(afterIteration:of:)``).
    public var heldOutCheck: HeldOutCheck?
    /// Seconds spent in held-out checks in this session (not counted in ``wallSeconds``).
    public private(set) var heldOutSeconds: Double = 0
    /// The best validation so far, whose model is kept in ``bestModelPath(forModel:)``.
    public private(set) var best: ResumeState.Best?
    let data: TrainingData
    let architecture: ModelArchitecture
    private var lastReportTime: Double?
    /// Sine MAML's meta-step, recorded at the first iteration and replayed after (the tape when it cannot be).
    private var sineMetaStep: SineMetaStep?

    /// A fresh run.
    public init(configuration: TrainingConfiguration, data: TrainingData, command: String = "") throws {
        try Self.validate(configuration, data: data)
        self.configuration = configuration
        self.data = data
        self.architecture = ModelArchitecture(configuration)
        var rng = SeededGenerator(seed: configuration.seed)
        self.parameters = architecture.initialParameters(using: &rng)
        self.generator = rng
        self.optimizer = Adam(learningRate: configuration.metaStepSize)
        self.iteration = 0
        self.running = architecture.normalizationLayers > 0 ? RunningStatistics(layers: architecture.normalizationLayers, channels: 64) : nil
        self.wallSeconds = 0
        self.command = command
    }

    /// Continues the run whose model file is `path` (with its `.state.safetensors` beside it),
    /// optionally to a new total of `iterations`.
    public init(resumingFrom path: String, data: TrainingData, command: String = "", iterations: Int? = nil) throws {
        let checkpoint = try ModelCheckpoint.read(path: path)
        let state = try ResumeState.read(path: ResumeState.path(forModel: path))
        guard state.iteration == checkpoint.iteration else {
            throw SafeTensors.Failure.malformed(
                path: path, reason: "model is at iteration \(checkpoint.iteration) but its state file at \(state.iteration)")
        }
        var resumed = checkpoint.configuration
        if let iterations { resumed.iterations = iterations }
        try Self.validate(resumed, data: data)
        configuration = resumed
        self.data = data
        architecture = checkpoint.architecture
        parameters = checkpoint.parameters
        generator = state.generator
        optimizer = state.optimizer
        best = state.best
        iteration = checkpoint.iteration
        running =
            checkpoint.runningStatistics()
            ?? (architecture.normalizationLayers > 0 ? RunningStatistics(layers: architecture.normalizationLayers, channels: 64) : nil)
        wallSeconds = checkpoint.wallSeconds
        outputPath = path
        self.command = command.isEmpty ? checkpoint.command : command
    }

    private static func validate(_ c: TrainingConfiguration, data: TrainingData) throws {
        switch (c.dataset, data) {
        case (.sine, .sine), (.omniglot, .omniglot): break
        default: throw TrainingError.invalidConfiguration("the \(c.dataset.rawValue) configuration was given the wrong data")
        }
        guard c.algorithm.isDefined(on: c.dataset) else {
            throw TrainingError.invalidConfiguration("\(c.algorithm.rawValue) is not defined on \(c.dataset.rawValue)")
        }
        guard c.ways > 0, c.shots > 0, c.queries > 0, c.metaBatch > 0, c.iterations >= 0, c.innerSteps >= 0 else {
            throw TrainingError.invalidConfiguration("ways, shots, queries and meta-batch must be positive")
        }
        if c.algorithm.isModelBased, c.shots > OmniglotDataset.drawingsPerCharacter {
            throw TrainingError.invalidConfiguration(
                "\(c.shots) drawings per class exceed the \(OmniglotDataset.drawingsPerCharacter) drawings of each character")
        }
        if let batch = c.innerBatch, batch <= 0 || batch > c.ways * c.shots {
            throw TrainingError.invalidConfiguration("an inner batch of \(batch) does not fit a support set of \(c.ways * c.shots) examples")
        }
        if c.distortion != nil, !(c.isMetricBased && c.dataset == .omniglot) {
            throw TrainingError.invalidConfiguration("distorted drawings are for the metric learners on omniglot")
        }
    }

    /// Whether the configured iterations are done.
    public var isFinished: Bool { iteration >= configuration.iterations }

    /// The learning rate of the outer optimiser at the current iteration.
    public var learningRate: Float {
        StepSchedule(
            initialRate: configuration.metaStepSize, interval: configuration.learningRateDecayInterval,
            factor: configuration.learningRateDecay
        ).rate(atStep: iteration)
    }

    // MARK: - One iteration

    /// One outer iteration, then validation and a checkpoint when they are due.
    /// Throws ``TrainingError/diverged(iteration:loss:)`` when the loss is no longer finite.
    public func step() throws -> [TrainingEvent] {
        let start = DispatchTime.now().uptimeNanoseconds
        var report = try trainingIteration()
        iteration += 1
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        wallSeconds += elapsed
        report.iteration = iteration
        report.iterationsPerSecond = 1 / max(elapsed, 1e-9)
        guard report.metaLoss.isFinite, report.metaLoss < 1e6, !parameters.tensors.contains(where: \.hasNonFinite) else {
            throw TrainingError.diverged(iteration: iteration, loss: report.metaLoss)
        }
        var events: [TrainingEvent] = [.iteration(report)]
        let c = configuration
        if c.validationInterval > 0 && (iteration % c.validationInterval == 0 || isFinished) {
            var report = validate(episodes: c.validationEpisodes)
            if data.validationSelectsModels, let score = report.selectionScore, score > (best?.score ?? -.infinity) {
                best = ResumeState.Best(iteration: iteration, score: score)
                report.isBest = true
                if let path = outputPath {
                    let bestPath = Self.bestModelPath(forModel: path)
                    try checkpoint().write(to: bestPath)
                    events.append(.checkpointWritten(path: bestPath, iteration: iteration))
                }
            }
            events.append(.validation(report))
        }
        if let check = heldOutCheck, check.isDue(afterIteration: iteration, of: c.iterations) {
            let report = check.measure(checkpoint(), trainingSeconds: wallSeconds)
            heldOutSeconds += report.seconds
            events.append(.heldOut(report))
        }
        if let path = outputPath, iteration % max(c.checkpointInterval, 1) == 0 || isFinished {
            try save(to: path)
            events.append(.checkpointWritten(path: path, iteration: iteration))
        }
        return events
    }

    private func trainingIteration() throws -> IterationReport {
        let c = configuration
        optimizer.learningRate = learningRate
        switch (data, architecture, c.algorithm) {
        case (.omniglot(let dataset, let train, _), _, _) where architecture.sequenceLearner != nil:
            // MANN and the LSTM: a batch of sequences, backpropagation through all their steps.
            let learner = architecture.sequenceLearner!
            let sampler = try SequenceSampler(split: train, classes: c.ways, drawingsPerClass: c.shots)
            let batch = SequenceBatch((0..<c.metaBatch).map { _ in sampler.sample(using: &generator) }, from: dataset)
            // Small products: one OpenBLAS thread is as fast, and the run repeats bit for bit.
            let (loss, accuracy) = BLAS.withOneThread {
                GradientStep.descend(&parameters, with: &optimizer) { p in
                    let r = learner.loss(parameters: p, batch: batch)
                    return (r.loss, r.accuracy)
                }
            }
            return IterationReport(
                iteration: iteration, metaLoss: loss, accuracy: accuracy, iterationsPerSecond: 0, learningRate: optimizer.learningRate)
        case (.omniglot(let dataset, let train, _), _, _) where MetricLearner(architecture) != nil:
            let sampler = try EpisodeSampler(split: train, ways: c.ways, shots: c.shots, queries: c.queries)
            var e = EpisodeTensors(sampler.sample(using: &generator), from: dataset)
            if let distortion = c.distortion {
                e.support = distortion.apply(to: e.support, using: &generator)
                e.query = distortion.apply(to: e.query, using: &generator)
            }
            let learner = MetricLearner(architecture)!
            let (loss, r) = GradientStep.descend(&parameters, with: &optimizer) { p in
                let r = learner.episode(
                    parameters: p, support: e.support, supportLabels: e.supportLabels, query: e.query, queryLabels: e.queryLabels,
                    ways: e.ways, normalization: .batch(running: running))
                return (r.loss, r)
            }
            return IterationReport(
                iteration: iteration, metaLoss: loss, accuracy: r.accuracy, iterationsPerSecond: 0,
                learningRate: optimizer.learningRate,
                episode: reportsEpisodes ? r.prototypical.map { EpisodeSnapshot($0, e) } : nil)
        case (.omniglot(let dataset, let train, _), .classifier(let model), _):
            let sampler = try EpisodeSampler(split: train, ways: c.ways, shots: c.shots, queries: c.queries)
            let tasks = (0..<c.metaBatch).map { _ in
                let e = EpisodeTensors(sampler.sample(using: &generator), from: dataset)
                guard let batch = c.innerBatch else { return e.objective(for: model) }
                return e.objective(for: model, innerSteps: c.innerSteps, batchSize: batch, using: &generator)
            }
            let inner = InnerLoop(steps: c.innerSteps, stepSize: c.innerStepSize)
            if c.algorithm == .reptile {
                let epsilon = reptileStepSize
                let r = Reptile.metaStep(parameters, tasks: tasks, inner: inner, metaStepSize: epsilon)
                parameters = r.parameters
                return IterationReport(
                    iteration: iteration, metaLoss: r.queryLoss, accuracy: r.queryAccuracy, iterationsPerSecond: 0,
                    learningRate: epsilon, innerTraces: r.traces)
            }
            let r = MAML.metaStep(parameters, tasks: tasks, inner: inner, order: c.algorithm == .fomaml ? .firstOrder : .secondOrder)
            optimizer.step(&parameters, gradients: r.gradients)
            return IterationReport(
                iteration: iteration, metaLoss: r.metaLoss, accuracy: r.queryAccuracy, iterationsPerSecond: 0,
                learningRate: optimizer.learningRate, innerTraces: r.traces)
        case (.sine, .sine(let model), .pretrained):
            // The baseline: one network regressed on all tasks at once, no inner loop.
            let batch = SineTaskFamily().sampleBatch(tasks: c.metaBatch, shots: c.shots, queries: c.queries, using: &generator)
            let x = Tensor.concatenate([batch.supportX, batch.queryX], alongAxis: 1).reshaped(to: [-1, 1])
            let y = Tensor.concatenate([batch.supportY, batch.queryY], alongAxis: 1).reshaped(to: [-1, 1])
            let loss = GradientStep.descend(&parameters, with: &optimizer) { p in (model(x, parameters: p).meanSquaredError(y), ()) }.loss
            return IterationReport(
                iteration: iteration, metaLoss: loss, accuracy: nil, iterationsPerSecond: 0, learningRate: optimizer.learningRate)
        case (.sine, .sine(let model), .reptile):
            let batch = SineTaskFamily().sampleBatch(tasks: c.metaBatch, shots: c.shots, queries: c.queries, using: &generator)
            let epsilon = reptileStepSize
            let r = SineReptile(model: model, inner: InnerLoop(steps: c.innerSteps, stepSize: c.innerStepSize))
                .metaStep(parameters, batch: batch, metaStepSize: epsilon)
            parameters = r.parameters
            var trace = AdaptationTrace()
            trace.supportLosses = r.supportLosses
            return IterationReport(
                iteration: iteration, metaLoss: r.queryLoss, accuracy: nil, iterationsPerSecond: 0,
                learningRate: epsilon, innerTraces: [trace])
        case (.sine, .sine(let model), .maml), (.sine, .sine(let model), .fomaml):
            let batch = SineTaskFamily().sampleBatch(tasks: c.metaBatch, shots: c.shots, queries: c.queries, using: &generator)
            if sineMetaStep == nil {
                sineMetaStep = SineMetaStep(
                    SineMAML(
                        model: model, inner: InnerLoop(steps: c.innerSteps, stepSize: c.innerStepSize),
                        order: c.algorithm == .fomaml ? .firstOrder : .secondOrder, objective: c.metaObjective ?? .lastStep))
            }
            let r = sineMetaStep!(parameters, batch: batch)
            optimizer.step(&parameters, gradients: r.gradients)
            var trace = AdaptationTrace()
            trace.supportLosses = r.supportLosses
            return IterationReport(
                iteration: iteration, metaLoss: r.metaLoss, accuracy: nil, iterationsPerSecond: 0,
                learningRate: optimizer.learningRate, innerTraces: [trace])
        default:
            throw TrainingError.invalidConfiguration("\(c.algorithm.rawValue) on \(c.dataset.rawValue) is not a supported combination")
        }
    }

    /// Reptile's outer step size ε at the current iteration: annealed linearly to zero over the
    /// run, as Nichol et al. (on Omniglot and on sine alike).
    var reptileStepSize: Float {
        configuration.metaStepSize * (1 - Float(iteration) / Float(max(configuration.iterations, 1)))
    }

    // MARK: - Validation and checkpoints

    /// Accuracy (or MSE) on validation episodes drawn from a generator of their own, so that
    /// validating does not change the training stream.
    public func validate(episodes: Int) -> ValidationReport {
        Self.validation(of: checkpoint(), data: data, episodes: episodes)
    }

    /// The validation pass of a run, for any model of it (the same episodes every time).
    public static func validation(of model: ModelCheckpoint, data: TrainingData, episodes: Int) -> ValidationReport {
        let c = model.configuration
        let evaluator = Evaluator(checkpoint: model)
        var rng = SeededGenerator(seed: c.seed &+ 0x5EED)
        switch data {
        case .sine:
            let errors = evaluator.sineErrors(shots: c.shots, tasks: episodes, steps: [c.innerSteps], using: &rng)
            // Model selection follows the test protocol: a MAML model can fit in one step yet
            // oscillate over ten, and only the whole curve shows it.
            let test = StandardEvaluation.SineProtocol.self
            let curve = evaluator.sineErrors(shots: test.shots, tasks: episodes, steps: Array(1...test.steps), using: &rng)
            return ValidationReport(
                iteration: model.iteration, meanSquaredError: errors[0],
                fineTuningCurveError: curve.reduce(0, +) / Float(curve.count))
        case .omniglot(let dataset, _, let validation) where model.architecture.sequenceLearner != nil:
            guard let result = try? evaluator.instanceAccuracy(dataset: dataset, split: validation, episodes: episodes, using: &rng) else {
                return ValidationReport(iteration: model.iteration)
            }
            var report = ValidationReport(iteration: model.iteration, accuracy: result.overall.accuracy, ci95: result.overall.ci95)
            report.accuracyByInstance = result.byInstance.map(\.accuracy)
            return report
        case .omniglot(let dataset, _, let validation):
            guard
                let result = try? evaluator.accuracy(
                    dataset: dataset, split: validation, ways: c.validationWays, shots: c.validationShots,
                    queries: 5, episodes: episodes, using: &rng)
            else {
                return ValidationReport(iteration: model.iteration)
            }
            return ValidationReport(iteration: model.iteration, accuracy: result.accuracy, ci95: result.ci95)
        }
    }

    /// Where the best-on-validation model of a run whose checkpoints go to `modelPath` is kept.
    public static func bestModelPath(forModel modelPath: String) -> String {
        modelPath.hasSuffix(".safetensors") ? String(modelPath.dropLast(".safetensors".count)) + ".best.safetensors" : modelPath + ".best"
    }

    /// The model as it stands.
    public func checkpoint(evaluation: [String: String] = [:]) -> ModelCheckpoint {
        ModelCheckpoint(
            configuration: configuration, parameters: parameters, running: running, iteration: iteration,
            wallSeconds: wallSeconds, command: command, evaluation: evaluation)
    }

    /// Writes the resume state, then the model file, each atomically. Should the second write
    /// fail, `init(resumingFrom:)` sees the iterations disagree and says so.
    public func save(to path: String) throws {
        try ResumeState(optimizer: optimizer, generator: generator, iteration: iteration, best: best).write(to: ResumeState.path(forModel: path))
        try checkpoint().write(to: path)
    }

    /// Steps until finished or `shouldStop` says so, reporting every event: a
    /// ``TrainingSession`` run on the calling thread (a checkpoint is written when stopped early;
    /// a divergence is reported and thrown).
    @discardableResult
    public func run(shouldStop: () -> Bool = { false }, onEvent: @escaping (TrainingEvent) -> Void) throws -> TrainingSession.Outcome {
        try TrainingSession(trainer: self, onEvent: onEvent).run(stoppingWhen: shouldStop)
    }
}

/// Failures of a training run that the user can act on.
public enum TrainingError: Error, CustomStringConvertible, Equatable {
    case invalidConfiguration(String)
    case diverged(iteration: Int, loss: Float)

    public var description: String {
        switch self {
        case .invalidConfiguration(let why): return "invalid training configuration: \(why)"
        case .diverged(let iteration, let loss):
            return "training diverged at iteration \(iteration) (loss \(loss)); try a smaller learning rate. The last good checkpoint is kept."
        }
    }
}

extension EpisodeSnapshot {
    init(_ r: ProtoNet.EpisodeResult, _ e: EpisodeTensors) {
        self.init(
            ways: e.ways, featureCount: r.prototypes.shape[1], supportEmbeddings: r.supportEmbeddings.scalars,
            supportLabels: e.supportLabels, prototypes: r.prototypes.scalars, queryEmbeddings: r.queryEmbeddings.scalars,
            queryLabels: e.queryLabels, distances: r.distances.scalars, predictions: r.logits.argmaxAlongLastAxis())
    }
}
