import FewShot

/// The Memory screen: one test sequence of Santoro et al.'s task played step by step through the
/// shipped MANN (or its LSTM baseline, `b`), with what the memory did at each step.
public struct MemoryState: Sendable, Equatable {
    /// Milliseconds between revealed steps while playing, slowest first (`+`/`-` move along).
    public static let speedLadder = [800, 400, 200, 100, 50]

    public var seed: UInt64 = 7
    /// Which sequence of the seed's stream is on show (`n` moves on).
    public var episodeNumber = 0
    /// Steps on show, 1 to the sequence's length: the current step is the last of them.
    public var shownSteps = 1
    /// The learner whose predictions are drawn; both ran on the sequence already.
    public var learner: SequenceLearnerKind = .mann
    public var speedIndex = 2
    /// When playing (`a`), the clock time at which the next step is revealed.
    public var nextStepAt: Int?
    public var view: MemoryView?
    public var pendingRequest: Int?

    public init() {}

    /// The index of the current step in the sequence.
    public var currentStep: Int { max(0, shownSteps - 1) }
    /// The pause between steps while playing.
    public var stepInterval: Int { Self.speedLadder[min(max(0, speedIndex), Self.speedLadder.count - 1)] }
}

/// What the engine is asked: sequence `episodeNumber` of the stream seeded by `seed`.
public struct MemoryRequest: Sendable, Equatable {
    public var id: Int
    public var seed: UInt64
    public var episodeNumber: Int

    /// A request numbered `id`.
    public init(id: Int, seed: UInt64, episodeNumber: Int) {
        (self.id, self.seed, self.episodeNumber) = (id, seed, episodeNumber)
    }
}

/// The two model-based learners of the Memory screen.
public enum SequenceLearnerKind: Int, CaseIterable, Sendable, Equatable {
    case mann, lstm

    /// The learner's name as panels title it.
    public var name: String {
        switch self {
        case .mann: return "MANN"
        case .lstm: return "LSTM baseline"
        }
    }
}

/// One sequence as the learners saw it: the drawings and labels, each learner's prediction
/// and confidence at every step, and what MANN's memory did; computed by the learners in
/// FewShot and copied out as plain numbers.
public struct MemoryView: Sendable, Equatable {
    /// One step of the sequence: the drawing shown, its true label, and which appearance of
    /// its class it is (1 the first time).
    public struct Step: Sendable, Equatable {
        public var drawing: GlyphImage
        public var label: Int
        public var instance: Int
    }

    /// One learner's run over the sequence, or why there is none.
    public struct Run: Sendable, Equatable {
        public var kind: SequenceLearnerKind
        /// "MANN, shipped, 100000 it", or the file it is waiting for.
        public var caption: String
        /// Per step, the label predicted and the probability of each label; nil without a model.
        public var predictions: [Int]?
        public var probabilities: [[Float]]?
        /// The model file's stored accuracy by instance (index k − 1 for instance k), if any.
        public var storedByInstance: [Float]?
        /// How many test sequences that figure is over.
        public var storedEpisodes: Int?

        /// Whether the learner has a model.
        public var isAvailable: Bool { predictions != nil }
    }

    public var id: Int
    public var episodeNumber: Int
    /// The classes of the sequence, label 0 first.
    public var classes: [EpisodeView.ClassInfo]
    public var steps: [Step]
    /// MANN first, then the LSTM baseline.
    public var runs: [Run]
    /// What MANN's memory did at each step (empty when there is no MANN model).
    public var memory: [MANN.StepTrace]
    /// The memory's slots and the width of a slot.
    public var slots: Int, slotWidth: Int
    public var splitName: String

    public var length: Int { steps.count }
    /// Drawings of each class in the sequence (the highest instance).
    public var drawingsPerClass: Int { steps.map(\.instance).max() ?? 0 }

    /// The run of `kind`.
    public func run(_ kind: SequenceLearnerKind) -> Run { runs.first { $0.kind == kind }! }

    /// Per instance k (index k − 1), the right predictions of `kind` and the steps seen among
    /// the first `shown` steps: the running tally by instance.
    public func tally(_ kind: SequenceLearnerKind, shown: Int) -> [(right: Int, seen: Int)] {
        var tally = [(right: Int, seen: Int)](repeating: (0, 0), count: drawingsPerClass)
        guard let predictions = run(kind).predictions else { return tally }
        for (t, step) in steps.prefix(shown).enumerated() {
            tally[step.instance - 1].seen += 1
            if predictions[t] == step.label { tally[step.instance - 1].right += 1 }
        }
        return tally
    }
}
