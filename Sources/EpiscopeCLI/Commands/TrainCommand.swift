import ArgumentParser
import Autodiff
import FewShot
import Foundation

extension Algorithm: ExpressibleByArgument {}
extension DatasetKind: ExpressibleByArgument {}

/// `episcope train`: meta-trains a model with progress, validation and atomic checkpoints.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Meta-train ProtoNet, MAML, first-order MAML, Reptile (or the sine baseline).",
        discussion: "Defaults follow the papers' Omniglot and sine settings. Ctrl-C stops after writing a checkpoint; --resume continues bit for bit.")

    @Argument(help: "protonet, maml, fomaml, reptile or pretrained (sine baseline).") var algorithm: Algorithm
    @Option(help: "omniglot or sine.") var dataset: DatasetKind = .omniglot
    @Option(help: "Class split: vinyals or lake.") var split: String?
    @Option(help: "Classes per training episode.") var ways: Int?
    @Option(help: "Support examples per class (points, for sine).") var shots: Int?
    @Option(help: "Query examples per class (points, for sine).") var queries: Int?
    @Option(help: "Tasks per meta-batch.") var metaBatch: Int?
    @Option(help: "Inner SGD steps.") var innerSteps: Int?
    @Option(help: "Inner step size alpha.") var innerLr: Float?
    @Option(help: "Support examples per inner step (0: the whole support set; Reptile: 10).") var innerBatch: Int?
    @Option(help: "Outer (Adam) learning rate, or Reptile's outer step size.") var metaLr: Float?
    @Option(help: "Outer iterations.") var iterations: Int?
    @Option(help: "Halve the outer learning rate every N iterations (0: never).") var lrDecayEvery: Int?
    @Option(help: "Validate every N iterations (0: never).") var validateEvery: Int?
    @Option(help: "Episodes per validation.") var validationEpisodes: Int?
    @Option(help: "Write a checkpoint every N iterations.") var checkpointEvery: Int?
    @Option(help: "Ways and shots of validation and of the MAML head, as WAYSxSHOTS (e.g. 5x1).") var testSetting: String?
    @Option(help: "Random seed.") var seed: UInt64 = 0
    @Option(help: "Model file to write (safetensors); its resume state goes beside it.") var out: String
    @Flag(help: "Continue from the checkpoint at --out.") var resume = false
    @OptionGroup var dataOptions: DataOptions

    func configuration() throws -> TrainingConfiguration {
        var c = TrainingConfiguration.standard(algorithm, dataset)
        if let split { c.split = split }
        if let ways { c.ways = ways }
        if let shots { c.shots = shots }
        if let queries { c.queries = queries }
        if let metaBatch { c.metaBatch = metaBatch }
        if let innerSteps { c.innerSteps = innerSteps }
        if let innerLr { c.innerStepSize = innerLr }
        if let innerBatch { c.innerBatch = innerBatch == 0 ? nil : innerBatch }
        if let metaLr { c.metaStepSize = metaLr }
        if let iterations { c.iterations = iterations }
        if let lrDecayEvery { c.learningRateDecayInterval = lrDecayEvery }
        if let validateEvery { c.validationInterval = validateEvery }
        if let validationEpisodes { c.validationEpisodes = validationEpisodes }
        if let checkpointEvery { c.checkpointInterval = checkpointEvery }
        if let testSetting {
            let parts = testSetting.lowercased().split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2 else { throw ValidationError("--test-setting takes WAYSxSHOTS, e.g. 5x1") }
            (c.validationWays, c.validationShots) = (parts[0], parts[1])
        } else if algorithm != .protonet {
            c.validationWays = c.ways
            // Reptile trains on more shots than it is tested with (10 against 5).
            if c.innerBatch == nil { c.validationShots = c.shots }
        }
        c.seed = seed
        return c
    }

    func run() throws {
        let command = "episcope " + CommandLine.arguments.dropFirst().joined(separator: " ")
        let trainer: Trainer = try reportingEngineFailures {
            if resume {
                let checkpoint = try ModelCheckpoint.read(path: out)
                let data = try TrainingData.load(for: checkpoint.configuration, location: checkpoint.configuration.dataset == .omniglot ? dataOptions.location() : nil)
                return try Trainer(resumingFrom: out, data: data, command: checkpoint.command, iterations: iterations)
            }
            let c = try configuration()
            let data = try TrainingData.load(for: c, location: c.dataset == .omniglot ? dataOptions.location() : nil)
            let t = try Trainer(configuration: c, data: data, command: command)
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
