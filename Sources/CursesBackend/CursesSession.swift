import CNCurses
import TerminalUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The ncurses terminal: owns the locale, screen setup and teardown, and implements
/// `TerminalBackend` for `Terminal`.
///
///     let session = try CursesSession.open()
///     defer { session.close() }
///     let terminal = Terminal(backend: session)
///     while running {
///         terminal.draw { buffer in screen(state, &buffer) }
///         if let event = terminal.pollEvent(timeoutMilliseconds: 50) { ... }
///     }
///
/// Whatever happens, the terminal is restored: `close()`, deinit, `exit()`, SIGINT, SIGTERM,
/// SIGHUP, SIGQUIT and crash signals all end curses mode first.
public final class CursesSession: TerminalBackend {
    /// Whether the locale's character set is UTF-8; when not, render with `Charset.ascii`.
    public let isUTF8: Bool
    /// Whether colours are in use (terminal support, `NO_COLOR` unset, option on).
    public let usesColors: Bool
    /// Colours the palette offers (8, 16 or 256; 0 without colours).
    public let paletteSize: Int
    /// The options the session was opened with.
    public let options: CursesOptions

    nonisolated(unsafe) private static var isOpen = false
    private var screen: OpaquePointer?
    private let window: UnsafeMutablePointer<WINDOW>
    var colorPairs = ColorPairCache()
    var heldButton: MouseEvent.Button = .none
    private var currentTimeout = Int.min
    private var characters: [wchar_t] = [0, 0, 0]
    private var isClosed = false

    /// Enters curses mode. Throws when stdin/stdout are not a terminal or `TERM` is unusable.
    public static func open(_ options: CursesOptions = CursesOptions()) throws -> CursesSession {
        guard !isOpen else { throw CursesError.alreadyOpen }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw CursesError.notATerminal }
        let utf8 = localeIsUTF8()
        set_escdelay(Int32(options.escapeDelayMilliseconds))
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard let screen = ep_newterm() else { throw CursesError.cannotInitialize(term: term) }
        // A terminal that cannot position the cursor would show a blank screen until q.
        guard ep_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            throw CursesError.cannotAddressCursor(term: term)
        }
        isOpen = true
        return CursesSession(screen: screen, options: options, utf8: utf8)
    }

    private init(screen: OpaquePointer, options: CursesOptions, utf8: Bool) {
        self.screen = screen
        self.options = options
        self.isUTF8 = utf8
        window = ep_stdscr()
        TerminalRestorer.isActive = true
        TerminalRestorer.install()

        switch options.input {
        case .cbreak: cbreak()
        case .raw: raw()
        }
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        curs_set(0)

        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        if options.colors && !noColor && has_colors() {
            start_color()
            let defaults = use_default_colors() == ep_ok()
            usesColors = true
            paletteSize = Int(ep_colors()) >= 256 ? 256 : Int(ep_colors()) >= 16 ? 16 : 8
            colorPairs = ColorPairCache(paletteSize: paletteSize, maxPairs: Int(ep_color_pairs()), defaultColors: defaults)
        } else {
            usesColors = false
            paletteSize = 0
        }

        if options.mouse != .off {
            var mask = ep_all_mouse_events()
            if options.mouse == .motion { mask |= ep_report_mouse_position() }
            mousemask(mask, nil)
            // Click detection would delay every press by the click interval; we want raw events.
            mouseinterval(0)
            if options.mouse == .motion {
                ep_write_stdout("\u{1B}[?1003h")
                TerminalRestorer.mouseMotionEnabled = true
            }
        }
        wclear(window)
        wrefresh(window)
    }

    deinit {
        close()
    }

    /// Leaves curses mode and restores signal handlers; safe to call more than once.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        TerminalRestorer.restore()
        TerminalRestorer.uninstall()
        if let screen {
            delscreen(screen)
            self.screen = nil
        }
        CursesSession.isOpen = false
    }

    // MARK: - TerminalBackend

    public var supportsUnicode: Bool { isUTF8 }

    public var size: (width: Int, height: Int) {
        var rows: Int32 = 0, columns: Int32 = 0
        ep_getmaxyx(window, &rows, &columns)
        return (Int(columns), Int(rows))
    }

    public func draw(_ changes: [CellChange]) {
        for change in changes where !change.cell.isContinuation {
            let cell = change.cell
            characters[0] = wchar_t(bitPattern: cell.scalar.value)
            characters[1] = wchar_t(bitPattern: cell.mark?.value ?? 0)
            let attributes = attributes(for: cell.style)
            let pair = usesColors ? colorPairs.pair(foreground: cell.style.fg, background: cell.style.bg) : 0
            characters.withUnsafeBufferPointer { pointer in
                _ = ep_mvadd_cell(window, Int32(change.y), Int32(change.x), pointer.baseAddress, attributes, Int32(pair))
            }
        }
    }

    public func flush() {
        wrefresh(window)
    }

    public func clear() {
        // wclear also sets clearok, so the next refresh repaints from scratch and repairs
        // anything another program wrote to the terminal meanwhile.
        wclear(window)
    }

    public func setCursorVisible(_ visible: Bool) {
        curs_set(visible ? 1 : 0)
    }

    public func pollEvent(timeoutMilliseconds: Int) -> InputEvent? {
        let timeout = max(-1, timeoutMilliseconds)
        if timeout != currentTimeout {
            wtimeout(window, Int32(timeout))
            currentTimeout = timeout
        }
        var character: wint_t = 0
        let status = ep_get_wch(window, &character)
        if status == ep_key_code_yes() {
            return decodeKeyCode(Int32(bitPattern: UInt32(character)))
        }
        if status == ep_err() { return nil }
        return decodeCharacter(UInt32(character))
    }

    private func attributes(for style: Style) -> attr_t {
        var result = ep_a_normal()
        let modifiers = style.modifiers
        if modifiers.isEmpty { return result }
        if modifiers.contains(.bold) { result |= ep_a_bold() }
        if modifiers.contains(.dim) { result |= ep_a_dim() }
        if modifiers.contains(.italic) { result |= ep_a_italic() }
        if modifiers.contains(.underline) { result |= ep_a_underline() }
        if modifiers.contains(.reverse) { result |= ep_a_reverse() }
        return result
    }
}
