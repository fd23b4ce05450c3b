/// Blanks an area (characters and styles), so an overlay hides what was drawn beneath it.
public struct Clear: Widget, Hashable, Sendable {
    public var style: Style

    /// Clears to blanks in `style` (e.g. a popup background).
    public init(style: Style = .plain) {
        self.style = style
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        buffer.fill(area, with: " ", style: style)
    }
}
