/// Double-buffered drawing: render a frame into `Buffer`, and only the cells that differ
/// from the previous frame reach the backend. After a resize or `invalidate()` the screen
/// is cleared and the next frame is sent in full.
public final class Terminal<Backend: TerminalBackend> {
    /// The backend frames are sent to.
    public let backend: Backend
    /// Characters frames are drawn with; defaults to the backend's capability.
    public var charset: Charset
    private var current: Buffer
    private var previous: Buffer
    private var changes: [CellChange] = []
    private var needsFullRedraw = true
    /// Frames drawn so far.
    public private(set) var frameCount = 0
    /// Cells sent to the backend by the last frame (for tests and the debug overlay).
    public private(set) var lastChangeCount = 0

    /// A terminal over `backend`; `charset` defaults to ASCII when the backend lacks Unicode.
    public init(backend: Backend, charset: Charset? = nil) {
        self.backend = backend
        let resolved = charset ?? (backend.supportsUnicode ? .unicode : .ascii)
        self.charset = resolved
        let size = backend.size
        current = Buffer(width: size.width, height: size.height, charset: resolved)
        previous = current
    }

    /// The last frame drawn.
    public var lastFrame: Buffer { previous }

    /// Forces the next frame to clear the screen and repaint every cell.
    public func invalidate() {
        needsFullRedraw = true
    }

    /// Renders one frame with `render` (which gets a blank buffer of the current size) and
    /// sends the difference to the backend.
    public func draw(_ render: (inout Buffer) -> Void) {
        let size = backend.size
        if size.width != current.width || size.height != current.height {
            current.resize(width: size.width, height: size.height)
            needsFullRedraw = true
        } else {
            current.reset()
        }
        current.charset = charset
        render(&current)
        if needsFullRedraw {
            backend.clear()
            previous = Buffer(width: current.width, height: current.height, charset: charset)
            needsFullRedraw = false
        }
        current.diff(from: previous, into: &changes)
        lastChangeCount = changes.count
        if !changes.isEmpty { backend.draw(changes) }
        backend.flush()
        swap(&current, &previous)
        frameCount += 1
    }

    /// Waits for input; a resize also schedules a full redraw.
    public func pollEvent(timeoutMilliseconds: Int) -> InputEvent? {
        let event = backend.pollEvent(timeoutMilliseconds: timeoutMilliseconds)
        if case .resize = event { invalidate() }
        return event
    }
}
