import FewShot
import Foundation

/// Which model of the explorer's a run trained on the Training screen can stand in for, and on
/// which screens it then shows.
public enum TrainedModelUse {
    /// The resource a checkpoint of `algorithm` on `dataset` replaces, if a screen draws one.
    public static func resource(for algorithm: Algorithm, on dataset: DatasetKind) -> ResourceKind? {
        switch (dataset, algorithm) {
        case (.sine, .pretrained): return .sineBaseline
        case (.sine, _): return .sineModel
        case (.omniglot, .protonet): return .protoNet
        case (.omniglot, .maml), (.omniglot, .fomaml), (.omniglot, .reptile): return .mamlClassifier
        default: return nil
        }
    }

    /// The screens that draw `resource`, as the Training screen names them.
    public static func screens(drawing resource: ResourceKind) -> String {
        switch resource {
        case .sineModel: return "Sine"
        case .sineBaseline: return "Sine (baseline, b)"
        case .protoNet: return "Episode and Prototypes"
        case .mamlClassifier: return "Inner loop"
        case .omniglot: return ""
        }
    }
}

extension ExplorerEngine {
    /// Reads the checkpoint at `path` and puts it in place of the model of its kind, announced as
    /// a ready resource so the screens that draw it recompute.
    func useModel(at path: String, send: (Action) -> Void) {
        let checkpoint: ModelCheckpoint
        do {
            checkpoint = try ModelCheckpoint.read(path: path)
        } catch {
            send(.requestFailed(id: 0, message: "cannot use \(path): \(error)"))
            return
        }
        let c = checkpoint.configuration
        let caption = "\(c.algorithm.displayName), trained here, \(checkpoint.iteration) it"
        switch TrainedModelUse.resource(for: c.algorithm, on: c.dataset) {
        case .sineModel:
            sineModels.withLock { $0.useMeta(checkpoint, caption: caption) }
            send(.resource(.sineModel, .ready(caption)))
        case .sineBaseline:
            sineModels.withLock { $0.useBaseline(checkpoint, caption: caption) }
            send(.resource(.sineBaseline, .ready(caption)))
        case .protoNet:
            protoNet = ClassifierModel(checkpoint: checkpoint, caption: caption, isTrained: true)
            send(.resource(.protoNet, .ready(caption)))
        case .mamlClassifier:
            maml = ClassifierModel(checkpoint: checkpoint, caption: caption, isTrained: true)
            send(.resource(.mamlClassifier, .ready(caption)))
        case .omniglot, nil:
            send(.requestFailed(id: 0, message: "no screen draws a \(c.algorithm.displayName) model; it stays saved at \(path)"))
        }
    }
}
