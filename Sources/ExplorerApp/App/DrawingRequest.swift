/// What the engine needs to classify a drawing (the lecture's drawing pad) against the episode
/// on screen.
public struct DrawingRequest: Sendable, Equatable {
    /// Omniglot's drawings are 105x105, and so are the drawings the engine classifies.
    public static let side = 105

    public var id: Int
    public var episode: EpisodeRequest
    /// `side` x `side`, row-major, non-zero is ink.
    public var pixels: [UInt8]
    /// Whether the drawing joins as a new class's one support example rather than as a query.
    public var asNewClass: Bool

    /// A request numbered `id`.
    public init(id: Int, episode: EpisodeRequest, pixels: [UInt8], asNewClass: Bool) {
        self.id = id
        self.episode = episode
        self.pixels = pixels
        self.asNewClass = asNewClass
    }
}

/// The model's reading of a drawing.
public struct DrawingVerdict: Sendable, Equatable {
    /// The request's `id`.
    public var id: Int
    /// The drawing, cut to its ink, for the screen.
    public var drawing: GlyphImage
    public var asNewClass: Bool
    /// Query mode: the drawing's squared distance to each prototype, and the softmax.
    public var distances: [Float]
    public var probabilities: [Float]
    public var predicted: Int
    /// New-class mode: how many of the episode's queries were now put in the new class.
    public var queriesClaimed: Int
    public var modelCaption: String
}
