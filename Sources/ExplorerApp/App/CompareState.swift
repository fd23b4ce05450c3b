/// The Compare screen: the current episode (the Episode screen's settings and selected query)
/// through the four metric learners at once.
public struct CompareState: Sendable, Equatable {
    /// Episodes the `d` key samples at most before it gives up looking for a disagreement.
    public static let searchLimit = 200

    public var view: CompareView?
    public var pendingRequest: Int?
    /// Whether the pending request is a search for a disagreement (the status bar says so).
    public var searching = false
    /// Whether the first request searches for a disagreement (a lecture's `disagree: on`).
    public var searchOnOpen = false

    public init() {}
}

/// What the engine is asked: the episode `episode` describes, or, with a search limit, the first
/// of the episodes after it (at most `searchLimit` of them) on which the learners disagree.
public struct CompareRequest: Sendable, Equatable {
    public var episode: EpisodeRequest
    /// 0: just this episode; n: look through episodes `episodeNumber + 1 ... + n`.
    public var searchLimit: Int

    /// A request for `episode`, searching `searchLimit` episodes past it when that is above 0.
    public init(episode: EpisodeRequest, searchLimit: Int = 0) {
        self.episode = episode
        self.searchLimit = searchLimit
    }

    public var id: Int { episode.id }
}

/// The four metric learners, in the order the Compare screen shows them (their papers' order).
public enum MetricLearnerKind: Int, CaseIterable, Sendable, Equatable {
    case siamese, matching, prototypical, relation

    /// The learner's name as the panels title it.
    public var name: String {
        switch self {
        case .siamese: return "Siamese network"
        case .matching: return "Matching Networks"
        case .prototypical: return "ProtoNet"
        case .relation: return "Relation Networks"
        }
    }

    /// The name in a narrow panel's title.
    public var shortName: String {
        switch self {
        case .siamese: return "Siamese"
        case .matching: return "Matching"
        case .prototypical: return "ProtoNet"
        case .relation: return "Relation"
        }
    }

    /// One letter for the summary's columns.
    public var letter: String {
        switch self {
        case .siamese: return "S"
        case .matching: return "M"
        case .prototypical: return "P"
        case .relation: return "R"
        }
    }
}

/// One episode as the four learners saw it: every number the Compare screen draws, computed by
/// the learners in FewShot and copied out as plain arrays.
public struct CompareView: Sendable, Equatable {
    /// One query: its drawing and true class.
    public struct Query: Sendable, Equatable {
        public var drawing: GlyphImage
        public var label: Int
    }

    /// What one learner decided for one query, and why.
    public struct Verdict: Sendable, Equatable {
        public var predicted: Int
        /// Per class, what the learner reads as its probability (see `MetricLearner.EpisodeResult`).
        public var probabilities: [Float]
        /// Per class: squared distance to the prototype (ProtoNet), relation score (Relation
        /// Networks), mean pair score (Siamese), attention mass (Matching).
        public var classEvidence: [Float]
        /// Per support drawing: pair score (Siamese), attention weight (Matching); empty otherwise.
        public var supportEvidence: [Float]
        /// Per support drawing: the cosine similarity behind Matching Networks' attention.
        public var supportCosines: [Float]

        /// The probability of the predicted class.
        public var probability: Float { probabilities.indices.contains(predicted) ? probabilities[predicted] : 0 }
    }

    /// One learner's panel: its model and its verdict on every query, or why there is none.
    public struct Learner: Sendable, Equatable {
        public var kind: MetricLearnerKind
        /// "Matching Networks, shipped, 10000 it", or what is missing.
        public var caption: String
        /// One per query; nil when the learner has no model.
        public var verdicts: [Verdict]?
    }

    public var id: Int
    /// Which episode of the seed's sequence this is (a search moves it on).
    public var episodeNumber: Int
    public var classes: [EpisodeView.ClassInfo]
    /// The class of each support drawing, in the order the learners' support evidence lists them.
    public var supportLabels: [Int]
    public var queries: [Query]
    public var learners: [Learner]
    public var splitName: String
    /// Episodes a search sampled to find this one; nil when no search asked for it or it failed.
    public var searchedEpisodes: Int?
    /// Why a search came back with the episode it started from.
    public var searchFailure: String?

    public var ways: Int { classes.count }

    /// The learners that have a model.
    public var available: [Learner] { learners.filter { $0.verdicts != nil } }

    /// Whether the learners with a model predict different classes for query `index`.
    public func disagree(on index: Int) -> Bool {
        Set(available.compactMap { $0.verdicts?[index].predicted }).count > 1
    }

    /// The first query the learners disagree on, if any.
    public var firstDisagreement: Int? { queries.indices.first { disagree(on: $0) } }
}
