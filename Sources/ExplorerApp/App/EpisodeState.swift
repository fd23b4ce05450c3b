import FewShot

/// The Episode and Prototypes screens: one few-shot episode, the selected query, and what the
/// ProtoNet made of it.
public struct EpisodeState: Sendable, Equatable {
    /// Bounds of N and K the keys move within (kept to what a screen can show).
    public static let waysRange = 2...10
    public static let shotsRange = 1...5
    public static let queriesPerClass = 1

    public var seed: UInt64 = 7
    /// Which episode of the seed's sequence is on show (r increments it).
    public var episodeNumber = 0
    public var ways = 5
    public var shots = 1
    public var withinAlphabet = false
    /// Index into the episode's queries.
    public var selectedQuery = 0
    /// The Prototypes screen's distance (`c` toggles): the trained squared Euclidean, or cosine.
    public var prototypeDistance: ProtoNet.Distance = .squaredEuclidean
    /// Whether the zoom overlay (drawing and its 28x28 model input) is open.
    public var zoomed = false
    public var view: EpisodeView?
    public var pendingRequest: Int?

    public init() {}
}

/// What the engine is asked to sample and classify.
public struct EpisodeRequest: Sendable, Equatable {
    public var id: Int
    public var seed: UInt64
    public var episodeNumber: Int
    public var ways: Int
    public var shots: Int
    public var queriesPerClass: Int
    public var withinAlphabet: Bool

    /// A request numbered `id` for episode `episodeNumber` of the stream seeded by `seed`.
    public init(id: Int, seed: UInt64, episodeNumber: Int, ways: Int, shots: Int, queriesPerClass: Int, withinAlphabet: Bool) {
        (self.id, self.seed, self.episodeNumber, self.ways, self.shots) = (id, seed, episodeNumber, ways, shots)
        (self.queriesPerClass, self.withinAlphabet) = (queriesPerClass, withinAlphabet)
    }
}

/// A bitmap to draw: ink coverage per pixel, 0 blank ... 255 full.
public struct GlyphImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var bytes: [UInt8]

    /// An image of `width` x `height` bytes.
    public init(width: Int, height: Int, bytes: [UInt8]) {
        self.width = width
        self.height = height
        self.bytes = bytes
    }
}

/// An episode as the screens draw it.
public struct EpisodeView: Sendable, Equatable {
    /// One class: who it is and its support drawings.
    public struct ClassInfo: Sendable, Equatable {
        public var alphabet: String
        public var character: Int
        public var rotationDegrees: Int
        public var support: [GlyphImage]
    }

    /// One query: its drawing, what it is and what the model says.
    public struct QueryInfo: Sendable, Equatable {
        /// The drawing cut to its ink, for the query grid.
        public var drawing: GlyphImage
        /// The whole 105x105 bitmap, for the zoom.
        public var original: GlyphImage
        /// The 28x28 image the network sees.
        public var input: GlyphImage
        public var label: Int
        public var predicted: Int
        /// Squared distance to each prototype.
        public var distances: [Float]
        /// Softmax of minus the distances.
        public var probabilities: [Float]
        /// The same under cosine distance (1 − cos) to the prototypes, for the Prototypes screen's toggle.
        public var cosineDistances: [Float]
        public var cosineProbabilities: [Float]
        public var cosinePredicted: Int

        public var isCorrect: Bool { label == predicted }

        /// Distance to each prototype under `distance`.
        public func distances(_ distance: ProtoNet.Distance) -> [Float] {
            distance == .cosine ? cosineDistances : distances
        }
        /// Softmax of minus the distances under `distance`.
        public func probabilities(_ distance: ProtoNet.Distance) -> [Float] {
            distance == .cosine ? cosineProbabilities : probabilities
        }
        /// The nearest prototype under `distance`.
        public func predicted(_ distance: ProtoNet.Distance) -> Int { distance == .cosine ? cosinePredicted : predicted }
        public func isCorrect(_ distance: ProtoNet.Distance) -> Bool { label == predicted(distance) }
    }

    /// A 2-D principal-component projection of the embeddings.
    public struct Projection: Sendable, Equatable {
        public var support: [SinePoint]
        public var supportLabels: [Int]
        public var prototypes: [SinePoint]
        public var queries: [SinePoint]
        /// Share of the variance the two components explain.
        public var explained: Float
    }

    public var id: Int
    public var classes: [ClassInfo]
    public var queries: [QueryInfo]
    public var projection: Projection
    /// Which model classified it ("ProtoNet 1-shot, shipped").
    public var modelCaption: String
    /// The split the classes come from ("vinyals/test").
    public var splitName: String

    public var ways: Int { classes.count }
    public var accuracy: Float {
        queries.isEmpty ? 0 : Float(queries.filter(\.isCorrect).count) / Float(queries.count)
    }
    /// Queries whose nearest prototype under `distance` is their class.
    public func correctCount(_ distance: ProtoNet.Distance) -> Int { queries.filter { $0.isCorrect(distance) }.count }
}

extension EpisodeState {
    /// Columns of the query grid for `count` queries: as square as possible, so arrow keys
    /// move the same way the screen draws them.
    public static func queryColumns(count: Int) -> Int {
        guard count > 1 else { return 1 }
        return min(count, Int(Double(count).squareRoot().rounded(.up)))
    }
}
