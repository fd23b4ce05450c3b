/// One shortcut shown in the status bar: the key, then what it does.
public struct KeyHint: Hashable, Sendable {
    public var key: String
    public var label: String

    /// A hint such as `KeyHint("q", "quit")`.
    public init(_ key: String, _ label: String) {
        self.key = key
        self.label = label
    }
}

/// A one-row bar of key hints ("q quit  ? help") with keys highlighted, plus optional
/// right-aligned text such as a status message. Hints whose key is in `essentialKeys` always
/// show: the other hints give way first, then the right-hand text is shortened.
public struct StatusBar: Widget, Hashable, Sendable {
    public var hints: [KeyHint]
    public var rightText: String?
    /// Keys whose hints are never dropped (help and quit, so nobody is left stuck).
    public var essentialKeys: Set<String>
    public var style: Style
    public var keyStyle: Style
    public var labelStyle: Style
    public var rightStyle: Style

    /// A status bar showing `hints` left to right, dropping those that do not fit, except the
    /// ones bound to `essentialKeys`.
    public init(
        _ hints: [KeyHint],
        rightText: String? = nil,
        essentialKeys: Set<String> = [],
        style: Style = .plain,
        keyStyle: Style = Style(fg: .cyan, modifiers: .bold),
        labelStyle: Style = Style(fg: .default),
        rightStyle: Style = Style(fg: .gray)
    ) {
        self.hints = hints
        self.rightText = rightText
        self.essentialKeys = essentialKeys
        self.style = style
        self.keyStyle = keyStyle
        self.labelStyle = labelStyle
        self.rightStyle = rightStyle
    }

    /// Columns `hint` takes, without the gap before it.
    static func width(of hint: KeyHint) -> Int { CharacterWidth.of(hint.key) + 1 + CharacterWidth.of(hint.label) }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let row = area.row(0)
        buffer.setStyle(row, style: style)
        let isEssential = hints.map { essentialKeys.contains($0.key) }
        // Columns the essential hints need: a leading space, then each hint and its gap.
        let essentialWidth = zip(hints, isEssential).filter(\.1).reduce(0) { $0 + Self.width(of: $1.0) + 2 }
        var hintsClip = row
        if let rightText, !rightText.isEmpty {
            let room = row.width - essentialWidth - 2
            let text = Line(rightText).shortened(to: room, ascii: buffer.charset == .ascii).spans.map(\.text).joined()
            if !text.isEmpty {
                let start = max(row.x, row.right - CharacterWidth.of(text) - 1)
                buffer.set(x: start, y: row.y, string: text, style: rightStyle, clip: row)
                hintsClip = Rect(x: row.x, y: row.y, width: max(0, start - row.x - 1), height: 1)
            }
        }
        var x = row.x + 1
        var essentialLeft = essentialWidth
        var first = true
        var dropping = false
        for (hint, essential) in zip(hints, isEssential) {
            let gap = first ? 0 : 2
            let width = Self.width(of: hint)
            if essential {
                essentialLeft -= width + 2
            } else if dropping || x + gap + width + essentialLeft > hintsClip.right {
                // Drop a hint entirely rather than show half of it (and every less important one
                // after it), keeping room for the essential ones.
                dropping = true
                continue
            }
            x += gap
            first = false
            x = buffer.set(x: x, y: row.y, string: hint.key, style: keyStyle, clip: hintsClip)
            x = buffer.set(x: x + 1, y: row.y, string: hint.label, style: labelStyle, clip: hintsClip)
        }
    }
}
