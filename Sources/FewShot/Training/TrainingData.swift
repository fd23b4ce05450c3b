import Autodiff

/// Where a training run gets its tasks: sampled Omniglot episodes from a split's training and
/// validation classes, or sine tasks, which need no data.
public enum TrainingData: Sendable {
    case omniglot(dataset: OmniglotDataset, train: ClassSplit, validation: ClassSplit)
    case sine

    /// Loads the parts of the configured split a run trains and validates on. Vinyals trains on
    /// `trainval` as Snell et al. did and reports `val` (a part of it) as it goes; Lake's split
    /// trains on the background alphabets and reports the evaluation alphabets. On Omniglot,
    /// validation only monitors: no model is selected by it (see ``validationSelectsModels``).
    public static func load(for configuration: TrainingConfiguration, location: DataLocation?) throws -> TrainingData {
        guard configuration.dataset == .omniglot else { return .sine }
        guard let location else { throw OmniglotError.dataNotFound(searched: []) }
        let dataset = try OmniglotDataset.load(from: location)
        let (trainPart, validationPart) = configuration.split == "vinyals" ? ("trainval", "val") : ("train", "test")
        let train = try ClassSplit.load(named: configuration.split, part: trainPart, dataset: dataset, location: location)
        let validation = try ClassSplit.load(named: configuration.split, part: validationPart, dataset: dataset, location: location)
        return .omniglot(dataset: dataset, train: train, validation: validation)
    }

    /// Whether the best model on validation may be kept: only where validation tasks are held
    /// out from both training and test. Sine's are (fresh tasks from their own seed); Vinyals'
    /// `val` classes are part of the training classes, and Lake's validation uses the test
    /// alphabets, so choosing on either would be choosing on training or on test data.
    public var validationSelectsModels: Bool {
        if case .sine = self { return true }
        return false
    }
}
