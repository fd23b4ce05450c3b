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
/// right-aligned text such as a status message.
public struct StatusBar: Widget, Hashable, Sendable {
    public var hints: [KeyHint]
    public var rightText: String?
    public var style: Style
    public var keyStyle: Style
    public var labelStyle: Style
    public var rightStyle: Style

    /// A status bar showing `hints` left to right, dropping those that do not fit.
    public init(
        _ hints: [KeyHint],
        rightText: String? = nil,
        style: Style = .plain,
        keyStyle: Style = Style(fg: .cyan, modifiers: .bold),
        labelStyle: Style = Style(fg: .default),
        rightStyle: Style = Style(fg: .gray)
    ) {
        self.hints = hints
        self.rightText = rightText
        self.style = style
        self.keyStyle = keyStyle
        self.labelStyle = labelStyle
        self.rightStyle = rightStyle
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        let row = area.row(0)
        buffer.setStyle(row, style: style)
        var hintsClip = row
        if let rightText {
            let width = CharacterWidth.of(rightText)
            let start = max(row.x, row.right - width - 1)
            buffer.set(x: start, y: row.y, string: rightText, style: rightStyle, clip: row)
            hintsClip = Rect(x: row.x, y: row.y, width: start - row.x - 1, height: 1)
        }
        var x = row.x + 1
        for (index, hint) in hints.enumerated() {
            if index > 0 { x += 2 }
            // Drop a hint entirely rather than show half of it.
            if x + CharacterWidth.of(hint.key) + 1 + CharacterWidth.of(hint.label) > hintsClip.right { break }
            x = buffer.set(x: x, y: row.y, string: hint.key, style: keyStyle, clip: hintsClip)
            x = buffer.set(x: x + 1, y: row.y, string: hint.label, style: labelStyle, clip: hintsClip)
        }
    }
}
