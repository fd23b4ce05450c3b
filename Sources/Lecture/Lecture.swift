import ExplorerApp
import TerminalUI

/// A lecture: a story told in steps, each a live explorer screen (or a slide) with a caption.
/// Lectures are data, read from a plain text file (see `LectureParser` for the format).
public struct Lecture: Sendable, Equatable {
    /// Shown in the header.
    public var title: String
    public var steps: [LectureStep]

    /// A lecture called `title` made of `steps` (at least one).
    public init(title: String, steps: [LectureStep]) {
        self.title = title
        self.steps = steps
    }
}

/// What a step shows as its figure.
public enum LectureFigure: Sendable, Equatable {
    /// One of the explorer's live screens.
    case screen(ScreenID)
    /// Text and diagram lines only (the step's `|` lines).
    case slide
    /// The shipped models' accuracies beside the papers', read from the model files.
    case results
    /// MAML's, first-order MAML's and Reptile's update directions on one sine task, side by side.
    case directions

    /// The name a lecture file uses after `screen:`.
    public var name: String {
        switch self {
        case .screen(let id): return id.commandName
        case .slide: return "slide"
        case .results: return "results"
        case .directions: return "directions"
        }
    }

    /// The figure called `name` in a lecture file.
    public init?(name: String) {
        switch name.lowercased() {
        case "slide", "text": self = .slide
        case "results": self = .results
        case "directions": self = .directions
        default:
            guard let id = ScreenID(commandName: name) else { return nil }
            self = .screen(id)
        }
    }

    static let allNames = ScreenID.allCases.map(\.commandName) + ["slide", "results", "directions"]
}

/// One step: a figure, the settings that bring it to the moment the story needs, and a caption.
public struct LectureStep: Sendable, Equatable {
    public var title: String
    public var figure: LectureFigure = .slide
    public var settings = StepSettings()
    /// Caption paragraphs, in Unicode; `LectureText.render` spells them out for ASCII terminals.
    public var caption: [String] = []
    /// Verbatim diagram lines of a slide.
    public var diagram: [String] = []
    /// The line of the file the step starts on, for messages.
    public var line: Int = 0

    /// A step titled `title`.
    public init(title: String) { self.title = title }
}

/// The screen settings a step may fix; `nil` leaves the explorer's default.
public struct StepSettings: Sendable, Equatable {
    public var seed: UInt64?
    public var glyphs: GlyphStyle?
    // Episode and Prototypes
    public var ways: Int?
    public var shots: Int?
    public var episode: Int?
    public var withinAlphabet: Bool?
    public var select: Int?
    public var zoom: Bool?
    /// Compare: open on the first episode after `episode` where the learners disagree.
    public var disagree: Bool?
    // Sine and Inner loop
    public var alpha: Float?
    public var steps: Int?
    public var baseline: Bool?
    public var task: Int?
    public var batch: Int?
    // Training
    public var algorithm: String?
    public var dataset: String?
    /// A training schedule by name (`live`), for the algorithm and dataset given before it.
    public var preset: String?

    public init() {}
}
