import ExplorerApp
import TerminalUI

/// How a lecture is drawn: the explorer's colours, or high contrast for a projector.
public enum LectureTheme: String, Sendable, CaseIterable {
    case standard
    /// High contrast (bright, bold, nothing dim) and thick glyph strokes, for washed-out projectors.
    case projector
}

/// The lecture player's state: which step is on show, how it is presented, and the explorer
/// state of that step's live screen.
public struct LectureState: Sendable {
    public var lecture: Lecture
    /// Index into `lecture.steps`.
    public private(set) var index = 0
    /// The live screen of the current step, rebuilt from the step's settings on every visit so
    /// a step looks the same however the presenter got there.
    public var app: AppState
    /// `h`: only the figure and the caption show.
    public var hideChrome = false
    /// 1 draws the figure at its natural size; 2 and 3 draw it that many times larger.
    public var zoom = 1
    public var theme: LectureTheme
    /// Digits typed so far towards a step number.
    public var typedNumber = ""
    public var showHelp = false
    /// The drawing pad, while open.
    public var pad: DrawingPad?
    /// The audience's drawing and what the model made of it, on episode steps.
    public var drawing: DrawingVerdict?
    public var pendingDrawing: Int?
    /// The shipped models' standard evaluations, for the results step.
    public var results = ResultsTable(rows: [], note: "no models folder")
    /// The update directions of a directions step, computed when it is entered.
    var directions: DirectionsFigure.Content?
    /// A transient line for the status bar.
    public var message: String?
    public var shouldQuit = false

    /// The largest zoom factor.
    public static let maxZoom = 3

    /// The first step of `lecture` in a `width` x `height` terminal.
    public init(lecture: Lecture, width: Int = 100, height: Int = 30, theme: LectureTheme = .standard) {
        self.lecture = lecture
        self.theme = theme
        self.app = AppState(width: width, height: height)
        _ = enterStep(0)
    }

    /// The step on show.
    public var step: LectureStep { lecture.steps[index] }

    /// Moves to step `number` (clamped), rebuilding its screen; returns the requests it needs.
    mutating func enterStep(_ number: Int) -> [Effect] {
        // A run started on the step being left would go on taking the cores from the next steps'
        // screens (and its events would land on the next training step): it stops with its step.
        let stopRun: [Effect] = app.training.isActive ? [.training(.stop)] : []
        index = min(max(0, number), lecture.steps.count - 1)
        let resources = app.resources
        let lastRequest = app.lastRequestID
        app = StepSetup.state(for: step, width: app.width, height: app.height, resources: resources)
        // Request numbers keep growing across steps, so a late answer for the previous step is dropped.
        app.lastRequestID = lastRequest
        drawing = nil
        pendingDrawing = nil
        pad = nil
        message = nil
        typedNumber = ""
        // A few gradients of a 1,761-parameter network: milliseconds, so computed right here.
        directions = step.figure == .directions ? DirectionsFigure.content(for: step.settings) : nil
        return stopRun + StepSetup.requests(&app)
    }
}
