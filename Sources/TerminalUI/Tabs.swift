/// A row of tab titles with the selected one highlighted, e.g. " 1 Train │ 2 Episodes ".
public struct Tabs: Widget, Hashable, Sendable {
    public var titles: [String]
    public var selected: Int
    /// Prefix each title with its 1-based number, hinting at the digit shortcuts.
    public var showNumbers: Bool
    public var style: Style
    public var highlightStyle: Style
    /// Style of the number prefix on unselected tabs.
    public var numberStyle: Style

    /// Tabs with `selected` (0-based) highlighted.
    public init(
        _ titles: [String],
        selected: Int,
        showNumbers: Bool = true,
        style: Style = .plain,
        highlightStyle: Style = Style(fg: .black, bg: .cyan, modifiers: .bold),
        numberStyle: Style = Style(fg: .yellow)
    ) {
        self.titles = titles
        self.selected = selected
        self.showNumbers = showNumbers
        self.style = style
        self.highlightStyle = highlightStyle
        self.numberStyle = numberStyle
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        buffer.setStyle(area, style: style)
        let divider = buffer.charset == .ascii ? "|" : "│"
        var x = area.x
        for (index, title) in titles.enumerated() {
            if index > 0 { x = buffer.set(x: x, y: area.y, string: divider, style: Style(fg: .gray), clip: area) }
            let isSelected = index == selected
            let base = isSelected ? highlightStyle : style
            x = buffer.set(x: x, y: area.y, string: " ", style: base, clip: area)
            if showNumbers {
                let numberLook = isSelected ? base : numberStyle
                x = buffer.set(x: x, y: area.y, string: "\(index + 1) ", style: numberLook, clip: area)
            }
            x = buffer.set(x: x, y: area.y, string: title, style: base, clip: area)
            x = buffer.set(x: x, y: area.y, string: " ", style: base, clip: area)
        }
    }
}
