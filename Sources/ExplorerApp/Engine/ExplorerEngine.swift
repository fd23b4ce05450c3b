import Autodiff
import FewShot
import Foundation
import NeuralNets

/// Does the explorer's computing: loads data and models, samples and classifies episodes,
/// runs inner loops. Everything it returns is a small `Sendable` value for the UI to draw.
///
/// One instance is used from one thread at a time (the request worker, or the caller when run
/// inline); only the sine models are shared, with the start-up training thread, under a lock.
public final class ExplorerEngine: @unchecked Sendable {
    let options: EngineOptions
    let sineModels = Locked(SineModels())
    var omniglot: OmniglotResources?
    var protoNet: ClassifierModel?
    var maml: ClassifierModel?
    /// The Compare screen's learners that have a trained model (ProtoNet's is `protoNet`'s when trained).
    /// Each metric learner's models, one per setting it was trained in (Relation Networks: one
    /// and five shots); an episode is shown through the one trained nearest its shots.
    var metricModels: [MetricLearnerKind: [ModelCheckpoint]] = [:]
    /// The Memory screen's learners that have a trained model.
    var sequenceModels: [SequenceLearnerKind: ModelCheckpoint] = [:]

    /// An engine with nothing loaded yet; call `prepare` first.
    ///
    /// It leaves the host process's settings alone: adaptation runs fastest with
    /// `TensorAllocator.keepLargeBlocks()`, which the executable calls at its start.
    public init(options: EngineOptions) {
        self.options = options
    }

    /// Loads models and data, reporting each as a `.resource` action. Returns the slow part
    /// (training sine models when none is shipped) for the caller to run on a thread of its
    /// own, or inline; `nil` when there is nothing slow to do.
    public func prepare(send: @escaping @Sendable (Action) -> Void) -> (@Sendable () -> Void)? {
        let library = ModelLibrary.load(options)
        for problem in library.problems { options.log("models: \(problem)") }
        if let sine = library.sine {
            sineModels.withLock { $0.useMeta(sine, caption: ModelLibrary.caption(sine)) }
            send(.resource(.sineModel, .ready(ModelLibrary.caption(sine))))
        }
        if let baseline = library.sineBaseline {
            sineModels.withLock { $0.useBaseline(baseline, caption: ModelLibrary.caption(baseline)) }
            send(.resource(.sineBaseline, .ready(ModelLibrary.caption(baseline))))
        }
        loadOmniglot(library: library, send: send)
        let needMeta = library.sine == nil, needBaseline = library.sineBaseline == nil
        guard needMeta || needBaseline else { return nil }
        if needMeta { send(.resource(.sineModel, .progress("training a sine MAML model (first run)", 0))) }
        let options = self.options, models = sineModels
        return { QuickSineTraining.run(options: options, needMeta: needMeta, needBaseline: needBaseline, models: models, send: send) }
    }

    /// Serves one request; training commands are not handled here (see `TrainingWorker`).
    public func perform(_ effect: Effect, send: @Sendable (Action) -> Void) {
        switch effect {
        case .adaptSine(let request):
            let models = sineModels.withLock { $0 }
            if let curves = SineAdaptation.curves(for: request, models: models) {
                send(.sineCurves(curves))
            } else {
                send(.requestFailed(id: request.id, message: "no sine model yet"))
            }
        case .sampleEpisode(let request):
            do {
                send(.episodeReady(try episodeView(for: request)))
            } catch {
                send(.requestFailed(id: request.id, message: "episode: \(error)"))
            }
        case .adaptInner(let request):
            do {
                send(.innerReady(try innerResult(for: request)))
            } catch {
                send(.requestFailed(id: request.id, message: "inner loop: \(error)"))
            }
        case .compareEpisode(let request):
            do {
                send(.compareReady(try compareView(for: request)))
            } catch {
                send(.requestFailed(id: request.id, message: "\(error)"))
            }
        case .memorySequence(let request):
            do {
                send(.memoryReady(try memoryView(for: request)))
            } catch {
                send(.requestFailed(id: request.id, message: "memory: \(error)"))
            }
        case .classifyDrawing(let request):
            do {
                send(.drawingClassified(try classifyDrawing(request)))
            } catch {
                send(.requestFailed(id: request.id, message: "drawing: \(error)"))
            }
        case .useModel(let path):
            useModel(at: path, send: send)
        case .training:
            break
        }
    }

    /// The hint shown wherever Omniglot is needed but absent.
    public static let dataHint = "no Omniglot data: run `episcope data`"

    private func loadOmniglot(library: ModelLibrary, send: @Sendable (Action) -> Void) {
        guard options.useOmniglot else {
            send(.resource(.omniglot, .missing(Self.dataHint)))
            return
        }
        let location: DataLocation
        do {
            location = try DataLocation.resolve(explicit: options.dataDirectory)
        } catch {
            options.log("omniglot: \(error)")
            send(.resource(.omniglot, .missing(Self.dataHint)))
            return
        }
        do {
            let log = options.log
            let resources = try OmniglotResources.load(location: location) { log("omniglot: \($0)") }
            omniglot = resources
            send(.resource(.omniglot, .ready("\(resources.dataset.characterCount) characters, \(resources.split.name)")))
        } catch {
            options.log("omniglot: \(error)")
            send(.resource(.omniglot, .failed("Omniglot could not be read: \(error)")))
            return
        }
        protoNet = ClassifierModel.protoNet(library.protoNet, seed: options.modelSeed)
        metricModels[.prototypical] = [library.protoNet].compactMap { $0 }
        metricModels[.matching] = [library.matching].compactMap { $0 }
        metricModels[.siamese] = [library.siamese].compactMap { $0 }
        metricModels[.relation] = [library.relation, library.relationFiveShot].compactMap { $0 }
        sequenceModels[.mann] = library.mann
        sequenceModels[.lstm] = library.lstm
        send(.resource(.protoNet, .ready(protoNet!.caption)))
        maml = ClassifierModel.maml(library.maml, seed: options.modelSeed)
        send(.resource(.mamlClassifier, .ready(maml!.caption)))
    }
}

/// The dataset and the split the explorer samples test episodes from.
struct OmniglotResources: @unchecked Sendable {
    var dataset: OmniglotDataset
    var split: ClassSplit

    /// Loads the data and the test classes (Vinyals' split, else Lake's evaluation alphabets),
    /// so the episodes on screen hold characters the shipped models never trained on.
    static func load(location: DataLocation, warning: @escaping (String) -> Void) throws -> OmniglotResources {
        let dataset = try OmniglotDataset.load(from: location, warning: warning)
        let split: ClassSplit
        if let vinyals = try? ClassSplit.load(.vinyals, part: .test, dataset: dataset, location: location) {
            split = vinyals
        } else {
            split = try ClassSplit.load(.lake, part: .test, dataset: dataset, location: location)
        }
        return OmniglotResources(dataset: dataset, split: split)
    }
}

/// A classification model with its weights, trained or not.
struct ClassifierModel {
    var checkpoint: ModelCheckpoint
    var caption: String
    var isTrained: Bool

    /// The shipped ProtoNet, or an untrained one when none is there (the screens still work,
    /// and say so).
    static func protoNet(_ shipped: ModelCheckpoint?, seed: UInt64) -> ClassifierModel {
        if let shipped { return ClassifierModel(checkpoint: shipped, caption: ModelLibrary.caption(shipped), isTrained: true) }
        var configuration = TrainingConfiguration.standard(.protonet, .omniglot)
        configuration.seed = seed
        return untrained(configuration, caption: "ProtoNet, untrained (no model in assets/models)")
    }

    /// The shipped MAML classifier, or an untrained one.
    static func maml(_ shipped: ModelCheckpoint?, seed: UInt64) -> ClassifierModel {
        if let shipped { return ClassifierModel(checkpoint: shipped, caption: ModelLibrary.caption(shipped), isTrained: true) }
        var configuration = TrainingConfiguration.standard(.maml, .omniglot)
        configuration.seed = seed
        return untrained(configuration, caption: "MAML, untrained (no model in assets/models)")
    }

    private static func untrained(_ configuration: TrainingConfiguration, caption: String) -> ClassifierModel {
        var generator = SeededGenerator(seed: configuration.seed)
        let architecture = ModelArchitecture(configuration)
        let checkpoint = ModelCheckpoint(
            configuration: configuration, parameters: architecture.initialParameters(using: &generator),
            running: nil, iteration: 0, wallSeconds: 0, command: "")
        return ClassifierModel(checkpoint: checkpoint, caption: caption, isTrained: false)
    }
}

/// A generator for item `number` of a sequence seeded by `seed`: independent streams per
/// episode, so resampling one screen never changes another.
func derivedGenerator(seed: UInt64, number: Int, stream: UInt64) -> SeededGenerator {
    SeededGenerator(seed: seed &+ UInt64(truncatingIfNeeded: number) &* 0x9E37_79B9_7F4A_7C15 &+ stream &* 0xBF58_476D_1CE4_E5B9)
}
