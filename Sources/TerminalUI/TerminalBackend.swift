/// What `Terminal` needs from a real or fake screen. Backends are thin: they put cells where
/// they are told and report input; diffing and layout happen above them.
public protocol TerminalBackend: AnyObject {
    /// Current size in cells.
    var size: (width: Int, height: Int) { get }
    /// Whether wide characters (box drawing, braille) can be shown; `false` means the app
    /// should render with `Charset.ascii`.
    var supportsUnicode: Bool { get }
    /// Writes changed cells; continuation cells (right halves of wide characters) must be skipped.
    func draw(_ changes: [CellChange])
    /// Makes everything drawn since the last flush visible.
    func flush()
    /// Blanks the screen and forgets what the terminal showed; the next flush repaints fully.
    func clear()
    /// Shows or hides the text cursor.
    func setCursorVisible(_ visible: Bool)
    /// Waits up to `timeoutMilliseconds` (0: just check, negative: block) for input.
    func pollEvent(timeoutMilliseconds: Int) -> InputEvent?
}
