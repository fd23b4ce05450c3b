/// An in-memory terminal for tests and `episcope render`: drawing updates `buffer`, input
/// comes from a queue the test fills.
public final class TestBackend: TerminalBackend {
    /// What the screen shows.
    public private(set) var buffer: Buffer
    /// Input still to be delivered, first in first out.
    public var events: [InputEvent]
    public var supportsUnicode: Bool
    public private(set) var isCursorVisible = true
    public private(set) var flushCount = 0
    public private(set) var clearCount = 0
    /// Number of cells written by every `draw` call so far.
    public private(set) var cellsDrawn = 0

    /// A blank screen of `width` x `height` with optional queued `events`.
    public init(width: Int, height: Int, supportsUnicode: Bool = true, events: [InputEvent] = []) {
        buffer = Buffer(width: width, height: height, charset: supportsUnicode ? .unicode : .ascii)
        self.events = events
        self.supportsUnicode = supportsUnicode
    }

    public var size: (width: Int, height: Int) { (buffer.width, buffer.height) }

    public func draw(_ changes: [CellChange]) {
        for change in changes where change.x < buffer.width && change.y < buffer.height {
            buffer[change.x, change.y] = change.cell
            cellsDrawn += 1
        }
    }

    public func flush() {
        flushCount += 1
    }

    public func clear() {
        buffer.reset()
        clearCount += 1
    }

    public func setCursorVisible(_ visible: Bool) {
        isCursorVisible = visible
    }

    /// The next queued event; the timeout is ignored because tests never wait.
    public func pollEvent(timeoutMilliseconds: Int) -> InputEvent? {
        events.isEmpty ? nil : events.removeFirst()
    }

    /// Simulates the user resizing the window: the screen is blanked and a resize event queued.
    public func resize(width: Int, height: Int) {
        buffer.resize(width: width, height: height)
        events.append(.resize(width: width, height: height))
    }

    /// Queues key presses.
    public func type(_ keys: Key...) {
        events.append(contentsOf: keys.map { .key($0) })
    }
}
