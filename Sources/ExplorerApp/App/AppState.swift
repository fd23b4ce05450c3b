import TerminalUI

/// Everything the explorer shows, as a value: a frame is a pure function of it, and every
/// change goes through `update(_:_:)`. Heavy things (models, the dataset) live in the engine;
/// the state holds only what the engine sent back to draw (curves, bitmaps, distances).
public struct AppState: Sendable {
    /// The screen on show.
    public var screen: ScreenID
    /// Whether the `?` help overlay is open.
    public var showHelp = false
    /// The terminal size in cells.
    public var width: Int
    public var height: Int
    /// How drawings are rendered (`g` cycles); forced to ASCII in an ASCII buffer.
    public var glyphMode: GlyphStyle = .ascii
    /// The seed every random choice derives from, so a screen is reproducible from `--seed`.
    public var seed: UInt64
    /// A transient line for the status bar (e.g. "need 2 ways at least").
    public var message: String?
    /// Milliseconds on the loop's clock at the last tick, for animations.
    public var now: Int = 0
    /// What the engine has loaded so far.
    public var resources = Resources()
    public var sine: SineState
    public var episode = EpisodeState()
    public var compare = CompareState()
    public var inner = InnerState()
    public var memory = MemoryState()
    public var training = TrainingState()
    /// Set by `quit`; the loop exits after drawing nothing more.
    public var shouldQuit = false
    /// Numbers requests to the engine so late answers to superseded requests are dropped.
    public var lastRequestID = 0

    /// The smallest terminal the explorer draws into; below it a notice names this size.
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    /// A fresh state on `screen` for a terminal of `width` x `height`.
    public init(screen: ScreenID = .sine, width: Int = 100, height: Int = 30, seed: UInt64 = 7) {
        self.screen = screen
        self.width = width
        self.height = height
        self.seed = seed
        self.sine = SineState(seed: seed)
        self.episode.seed = seed
        self.inner.seed = seed
        self.training.seed = seed
        self.memory.seed = seed
    }

    /// Whether the terminal is at least the minimum size.
    public var fitsMinimumSize: Bool { width >= Self.minimumWidth && height >= Self.minimumHeight }

    /// A new request number (the lecture's drawing pad numbers its requests from the same count).
    public mutating func nextRequestID() -> Int {
        lastRequestID += 1
        return lastRequestID
    }
}

/// How far along a model or the dataset is.
public enum Availability: Sendable, Equatable {
    /// Being located or read.
    case loading
    /// Being produced (e.g. a quick sine model trained at start-up): a caption and 0...1.
    case progress(String, Double)
    /// Usable; the caption says what it is ("MAML, shipped", "untrained").
    case ready(String)
    /// Not there; the caption says how to get it.
    case missing(String)
    /// There but unusable (a bad file); the caption says why.
    case failed(String)

    /// Whether it can be used.
    public var isReady: Bool { if case .ready = self { return true } else { return false } }
    /// A one-line description for panels and the status bar.
    public var caption: String {
        switch self {
        case .loading: return "loading"
        case .progress(let text, let fraction): return "\(text) \(Int((fraction * 100).rounded()))%"
        case .ready(let text), .missing(let text), .failed(let text): return text
        }
    }
}

/// The engine's resources, one `Availability` each.
public struct Resources: Sendable, Equatable {
    /// The meta-learned sine model (MAML).
    public var sineModel: Availability = .loading
    /// The sine baseline pretrained on all tasks at once.
    public var sineBaseline: Availability = .loading
    /// The Omniglot drawings.
    public var omniglot: Availability = .loading
    /// The ProtoNet for the Episode and Prototypes screens.
    public var protoNet: Availability = .loading
    /// The MAML classifier for the Inner loop screen.
    public var mamlClassifier: Availability = .loading

    public init() {}
}

/// Which resource an `Action.resource` reports on.
public enum ResourceKind: Sendable, Equatable {
    case sineModel, sineBaseline, omniglot, protoNet, mamlClassifier
}

extension Resources {
    /// The availability of `kind`.
    public subscript(kind: ResourceKind) -> Availability {
        get {
            switch kind {
            case .sineModel: return sineModel
            case .sineBaseline: return sineBaseline
            case .omniglot: return omniglot
            case .protoNet: return protoNet
            case .mamlClassifier: return mamlClassifier
            }
        }
        set {
            switch kind {
            case .sineModel: sineModel = newValue
            case .sineBaseline: sineBaseline = newValue
            case .omniglot: omniglot = newValue
            case .protoNet: protoNet = newValue
            case .mamlClassifier: mamlClassifier = newValue
            }
        }
    }
}
