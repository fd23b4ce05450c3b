import ArgumentParser
import Autodiff
import FewShot
import Foundation
import NeuralNets

extension Algorithm: ExpressibleByArgument {}
extension DatasetKind: ExpressibleByArgument {}
extension TrainingPreset: ExpressibleByArgument {}

extension TrainingData {
    /// The Omniglot folder of the options when this is Omniglot data (sine needs none).
    fileprivate func location(_ options: DataOptions) throws -> DataLocation? {
        if case .sine = self { return nil }
        return try options.location()
    }
}

/// `episcope train`: meta-trains a model with progress, validation and atomic checkpoints.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract:
            "Meta-train a metric learner (ProtoNet, Matching, Siamese, Relation), MAML, first-order MAML, Reptile, MANN or its LSTM baseline (or the sine baseline).",
        discussion: "Defaults follow the papers' Omniglot and sine settings. Ctrl-C stops after writing a checkpoint; --resume continues bit for bit."
    )

    @Option(
        help:
            "A named schedule: live (ProtoNet on omniglot, MAML on sine), chosen to train a useful model in minutes; other options still override it."
    )
    var preset: TrainingPreset?
    @Argument(help: "protonet, matching, siamese, relation, maml, fomaml, reptile, mann, lstm or pretrained (sine baseline).")
    var algorithm: Algorithm
    @Option(help: "omniglot or sine.") var dataset: DatasetKind = .omniglot
    @Option(help: "Class split: vinyals, lake, small1 or small2.") var split: ClassSplit.Scheme?
    @Option(parsing: .unconditional, help: "Classes per training episode (mann, lstm: per sequence).") var ways: Int?
    @Option(parsing: .unconditional, help: "Support examples per class (points, for sine; mann, lstm: drawings per class).") var shots: Int?
    @Option(parsing: .unconditional, help: "Query examples per class (points, for sine).") var queries: Int?
    @Option(parsing: .unconditional, help: "Tasks per meta-batch.") var metaBatch: Int?
    @Option(parsing: .unconditional, help: "Inner SGD steps.") var innerSteps: Int?
    @Option(parsing: .unconditional, help: "Inner step size alpha.") var innerLr: Float?
    @Option(parsing: .unconditional, help: "Support examples per inner step (0: the whole support set; Reptile: 10).") var innerBatch: Int?
    @Option(parsing: .unconditional, help: "Matching Networks: factor on cosine similarities before the attention softmax (paper: 1).")
    var similarityScale: Float?
    @Option(
        help:
            "MAML on sine: meta-loss after the last inner step (last, the paper), the mean over every step (every) or over the first and the last (first-last)."
    )
    var metaLoss: MetaObjective?
    @Option(parsing: .unconditional, help: "Outer (Adam) learning rate, or Reptile's outer step size.") var metaLr: Float?
    @Option(parsing: .unconditional, help: "Outer iterations.") var iterations: Int?
    @Option(parsing: .unconditional, help: "Halve the outer learning rate every N iterations (0: never).") var lrDecayEvery: Int?
    @Option(parsing: .unconditional, help: "Validate every N iterations (0: never).") var validateEvery: Int?
    @Option(parsing: .unconditional, help: "Episodes per validation.") var validationEpisodes: Int?
    @Option(parsing: .unconditional, help: "Write a checkpoint every N iterations.") var checkpointEvery: Int?
    @Option(
        parsing: .unconditional,
        help: "Run the test protocol on held-out classes (sine: tasks) every N iterations, to watch the model improve (0: never).")
    var testEvery: Int?
    @Option(parsing: .unconditional, help: "Episodes (sine: tasks) per held-out test (default 300; sine 600).") var testEpisodes: Int?
    @Option(
        help: ArgumentHelp("Ways and shots of validation and of the MAML head, e.g. 5x1.", valueName: "WAYSxSHOTS"),
        transform: EpisodeSetting.init(parsing:))
    var testSetting: EpisodeSetting?
    @OptionGroup var sequenceOptions: SequenceModelOptions
    @OptionGroup var sineOptions: SineModelOptions
    @Option(parsing: .unconditional, help: "Random seed.") var seed: UInt64 = 0
    @Option(help: "Model file to write (safetensors); its resume state goes beside it.") var out: String
    @Flag(help: "Metric learners on omniglot: distort every training drawing by a random affine map, as Koch et al. (rotation, shear, scale, shift).")
    var distort = false
    @Flag(help: "Continue from the checkpoint at --out.") var resume = false
    @OptionGroup var dataOptions: DataOptions

    func configuration() throws -> TrainingConfiguration {
        var c = preset.flatMap { TrainingConfiguration.preset($0, algorithm, dataset) } ?? .standard(algorithm, dataset)
        if let split { c.split = split.rawValue }
        if let ways { c.ways = ways }
        if let shots { c.shots = shots }
        if let queries { c.queries = queries }
        if let metaBatch { c.metaBatch = metaBatch }
        if let innerSteps { c.innerSteps = innerSteps }
        if let innerLr { c.innerStepSize = innerLr }
        if let innerBatch { c.innerBatch = innerBatch == 0 ? nil : innerBatch }
        if let similarityScale { c.similarityScale = similarityScale }
        if let metaLoss { c.metaObjective = metaLoss }
        if let metaLr { c.metaStepSize = metaLr }
        if let iterations { c.iterations = iterations }
        if let lrDecayEvery { c.learningRateDecayInterval = lrDecayEvery }
        if let validateEvery { c.validationInterval = validateEvery }
        if let validationEpisodes { c.validationEpisodes = validationEpisodes }
        if let checkpointEvery { c.checkpointInterval = checkpointEvery }
        if let testEvery { c.heldOutInterval = testEvery == 0 ? nil : testEvery }
        if let testEpisodes { c.heldOutEpisodes = testEpisodes }
        if let testSetting {
            (c.validationWays, c.validationShots) = (testSetting.ways, testSetting.shots)
        } else if !algorithm.isMetricBased {
            c.validationWays = c.ways
            // Reptile trains on more shots than it is tested with (10 against 5).
            if c.innerBatch == nil { c.validationShots = c.shots }
        }
        if algorithm.isModelBased { c.sequenceModel = sequenceOptions.settings(over: c.sequenceModel ?? .init()) }
        // The paper's width stays unwritten, as in files from before the option.
        if let width = sineOptions.hiddenUnits, dataset == .sine, width != SineMLP.paperHiddenUnits { c.sineHiddenUnits = width }
        if distort { c.distortion = .koch }
        c.seed = seed
        return c
    }

    func run() throws {
        let command = "episcope " + CommandLine.arguments.dropFirst().joined(separator: " ")
        let trainer: Trainer = try reportingEngineFailures {
            if resume {
                let checkpoint = try ModelCheckpoint.read(path: out)
                let data = try TrainingData.load(
                    for: checkpoint.configuration, location: checkpoint.configuration.dataset == .omniglot ? dataOptions.location() : nil)
                let t = try Trainer(resumingFrom: out, data: data, command: checkpoint.command, iterations: iterations)
                t.heldOutCheck = try HeldOutCheck.load(for: t.configuration, data: data, location: data.location(dataOptions))
                return t
            }
            let c = try configuration()
            let data = try TrainingData.load(for: c, location: c.dataset == .omniglot ? dataOptions.location() : nil)
            let t = try Trainer(configuration: c, data: data, command: command)
            t.heldOutCheck = try HeldOutCheck.load(for: c, data: data, location: data.location(dataOptions))
            t.outputPath = out
            return t
        }
        let stop = StopRequest.installForInterrupt()
        let progress = TrainingProgressPrinter(total: trainer.configuration.iterations, interactive: isatty(STDERR_FILENO) == 1)
        let session = TrainingSession(trainer: trainer, onEvent: progress.handle)
        let outcome = try reportingEngineFailures { try session.run(stoppingWhen: { stop.isRequested }) }
        // The printer has said where it stopped; 130 is the shell's code for an interrupt.
        if outcome == .stopped { throw ExitCode(130) }
    }
}
