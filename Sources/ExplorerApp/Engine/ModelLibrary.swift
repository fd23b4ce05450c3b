import FewShot
import Foundation

/// The trained models the explorer can show, read from the models folder. A missing or
/// unreadable file is not an error: the screen that needs it says what is missing.
struct ModelLibrary {
    var sine: ModelCheckpoint?
    var sineBaseline: ModelCheckpoint?
    var protoNet: ModelCheckpoint?
    var maml: ModelCheckpoint?
    /// The Compare screen's other metric learners.
    var matching: ModelCheckpoint?
    var siamese: ModelCheckpoint?
    var relation: ModelCheckpoint?
    var relationFiveShot: ModelCheckpoint?
    /// The Memory screen's model-based learners.
    var mann: ModelCheckpoint?
    var lstm: ModelCheckpoint?
    /// One line per file that was there but could not be used.
    var problems: [String] = []
    var directory: URL?

    /// Reads the models in `options`' folder.
    static func load(_ options: EngineOptions) -> ModelLibrary {
        var library = ModelLibrary()
        guard options.useShippedModels, let directory = options.modelsDirectory ?? ShippedModels.directory() else { return library }
        library.directory = directory
        func read(_ names: [String], accept: (ModelCheckpoint) -> Bool) -> ModelCheckpoint? {
            for name in names {
                let path = directory.appendingPathComponent(name).path
                guard FileManager.default.fileExists(atPath: path) else { continue }
                do {
                    let checkpoint = try ModelCheckpoint.read(path: path)
                    if accept(checkpoint) { return checkpoint }
                    library.problems.append("\(name): not the model this screen needs")
                } catch {
                    library.problems.append("\(name): \(error)")
                }
            }
            return nil
        }
        library.sine = read([ShippedModels.mamlSine]) { $0.configuration.dataset == .sine }
        library.sineBaseline = read([ShippedModels.pretrainedSine]) { $0.configuration.dataset == .sine }
        library.protoNet = read([ShippedModels.protoNetOneShot, ShippedModels.protoNetFiveShot, ShippedModels.protoNetLake]) {
            if case .embedding = $0.architecture { return true } else { return false }
        }
        library.maml = read([ShippedModels.mamlOmniglot, ShippedModels.fomamlOmniglot, ShippedModels.reptileOmniglot]) {
            if case .classifier = $0.architecture { return true } else { return false }
        }
        library.matching = read([ShippedModels.matchingOneShot]) {
            if case .matching = $0.architecture { return true } else { return false }
        }
        library.siamese = read([ShippedModels.siamese]) {
            if case .siamese = $0.architecture { return true } else { return false }
        }
        library.relation = read([ShippedModels.relationFiveWayOneShot]) {
            if case .relation = $0.architecture { return true } else { return false }
        }
        library.relationFiveShot = read([ShippedModels.relationFiveWayFiveShot]) {
            if case .relation = $0.architecture { return true } else { return false }
        }
        library.mann = read([ShippedModels.mannOmniglot]) {
            if case .mann = $0.architecture { return true } else { return false }
        }
        library.lstm = read([ShippedModels.lstmOmniglot]) {
            if case .lstm = $0.architecture { return true } else { return false }
        }
        return library
    }

    /// The file each metric learner's model is read from, for the panel of a learner without one.
    static func fileName(of kind: MetricLearnerKind) -> String {
        switch kind {
        case .siamese: return ShippedModels.siamese
        case .matching: return ShippedModels.matchingOneShot
        case .prototypical: return ShippedModels.protoNetOneShot
        case .relation: return ShippedModels.relationFiveWayOneShot
        }
    }

    /// The file each model-based learner's model is read from.
    static func fileName(of kind: SequenceLearnerKind) -> String {
        switch kind {
        case .mann: return ShippedModels.mannOmniglot
        case .lstm: return ShippedModels.lstmOmniglot
        }
    }

    /// "MAML, 70000 it" style caption of a shipped checkpoint.
    static func caption(_ checkpoint: ModelCheckpoint) -> String {
        "\(checkpoint.configuration.algorithm.displayName), shipped, \(checkpoint.iteration) it"
    }
}
