import Autodiff
import FewShot
import Foundation
import NeuralNets

/// The two sine models the Sine screen compares: MAML's meta-learned start and the baseline
/// pretrained on all tasks at once. Shared between the thread that may train them at start-up
/// and the worker that adapts them.
struct SineModels: Sendable {
    var meta: ParameterList?
    /// The network `meta` is the weights of (a checkpoint's width; quick models are the paper's).
    var metaNetwork = SineMLP()
    var metaCaption = ""
    var baseline: ParameterList?
    var baselineNetwork = SineMLP()
    var baselineCaption = ""

    /// Takes a sine checkpoint as the meta-learned start, with the network its file names.
    mutating func useMeta(_ checkpoint: ModelCheckpoint, caption: String) {
        meta = checkpoint.parameters
        metaNetwork = checkpoint.configuration.sineNetwork
        metaCaption = caption
    }

    /// Takes a sine checkpoint as the baseline, with the network its file names.
    mutating func useBaseline(_ checkpoint: ModelCheckpoint, caption: String) {
        baseline = checkpoint.parameters
        baselineNetwork = checkpoint.configuration.sineNetwork
        baselineCaption = caption
    }
}

/// Trains small sine models when none is shipped, so the Sine screen works on a fresh clone.
/// MAML on sine runs at about 1,500 meta-iterations a second, so a few thousand take seconds;
/// the result is cached so the next start is instant.
enum QuickSineTraining {
    /// Trains (or reads from the cache) the MAML model and the baseline, reporting progress
    /// as `.resource(.sineModel, .progress(...))` actions.
    static func run(
        options: EngineOptions, needMeta: Bool, needBaseline: Bool, models: Locked<SineModels>,
        send: @Sendable (Action) -> Void
    ) {
        let iterations = max(1, options.quickSineIterations)
        if needMeta {
            let result = obtain(.maml, iterations: iterations, options: options) { done in
                send(.resource(.sineModel, .progress("training a sine MAML model (first run)", Double(done) / Double(iterations))))
            }
            switch result {
            case .success(let (parameters, _)):
                let caption = "MAML, trained here, \(iterations) it"
                models.withLock {
                    $0.meta = parameters; $0.metaCaption = caption
                }
                send(.resource(.sineModel, .ready(caption)))
            case .failure(let error):
                send(.resource(.sineModel, .failed("sine model: \(error)")))
            }
        }
        if needBaseline {
            let result = obtain(.pretrained, iterations: iterations, options: options) { _ in }
            switch result {
            case .success(let (parameters, _)):
                let caption = "pretrained here, \(iterations) it"
                models.withLock {
                    $0.baseline = parameters; $0.baselineCaption = caption
                }
                send(.resource(.sineBaseline, .ready(caption)))
            case .failure(let error):
                send(.resource(.sineBaseline, .failed("baseline: \(error)")))
            }
        }
    }

    /// The configuration of a quick run: the published sine setting, shortened.
    static func configuration(_ algorithm: Algorithm, iterations: Int, seed: UInt64) -> TrainingConfiguration {
        var c = TrainingConfiguration.standard(algorithm, .sine)
        c.iterations = iterations
        c.seed = seed
        c.validationInterval = 0
        return c
    }

    private static func obtain(
        _ algorithm: Algorithm, iterations: Int, options: EngineOptions,
        progress: (Int) -> Void
    ) -> Result<(ParameterList, Bool), Error> {
        let file = options.cacheDirectory?.appendingPathComponent("quick-\(algorithm.rawValue)-sine-\(iterations)-\(options.modelSeed).safetensors")
        if let file, let cached = try? ModelCheckpoint.read(path: file.path), cached.configuration.dataset == .sine {
            return .success((cached.parameters, true))
        }
        do {
            let trainer = try Trainer(
                configuration: configuration(algorithm, iterations: iterations, seed: options.modelSeed), data: .sine,
                command: "episcope (explorer start-up)")
            let reportEvery = max(1, iterations / 50)
            // The session lives only for this call, so `progress` does not outlive it.
            _ = try withoutActuallyEscaping(progress) { progress in
                try TrainingSession(trainer: trainer) { event in
                    if case .iteration(let report) = event, report.iteration % reportEvery == 0 { progress(report.iteration) }
                }.run()
            }
            if let file {
                do {
                    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try trainer.checkpoint().write(to: file.path)
                } catch {
                    options.log("cannot cache the quick sine model at \(file.path): \(error)")
                }
            }
            return .success((trainer.parameters, false))
        } catch {
            return .failure(error)
        }
    }
}
