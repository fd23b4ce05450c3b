import ExplorerApp
import TerminalUI

/// What the presenter's keys and mouse mean in a lecture, plus the explorer actions a step's
/// live screen takes (its own keys, and the engine's answers).
public enum LectureAction: Sendable, Equatable {
    case next
    case back
    case first
    case last
    /// Go to step `number` (1-based, as the header shows it).
    case jump(Int)
    /// A digit of a step number being typed; Enter (`.commitNumber`) jumps.
    case typeDigit(Character)
    case commitNumber
    case toggleChrome
    case zoomIn
    case zoomOut
    case cycleTheme
    case toggleHelp
    case closeOverlay
    case quit
    case resize(width: Int, height: Int)
    /// The drawing pad's own input.
    case openPad
    case pad(DrawingPadAction)
    /// The engine classified the audience's drawing.
    case drawingClassified(DrawingVerdict)
    /// Something for the step's live screen.
    case app(Action)
}
