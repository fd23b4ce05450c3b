/// A centred, bordered box drawn over the screen (help, confirmations). It clears what is
/// beneath it first, so content from the underlying screen never shows through.
public struct Popup: Hashable, Sendable {
    public var block: Block
    /// Requested outer size; clamped to the screen less a one-cell margin.
    public var width: Int
    public var height: Int
    public var style: Style

    /// A popup of `width` x `height` cells including its border.
    public init(
        title: String? = nil, width: Int, height: Int, style: Style = .plain,
        borderType: BorderType = .rounded, borderStyle: Style = Style(fg: .cyan)
    ) {
        self.block = Block(
            title: title, borderType: borderType, borderStyle: borderStyle,
            titleStyle: Style(fg: .default, modifiers: .bold), horizontalPadding: 1)
        self.width = width
        self.height = height
        self.style = style
    }

    /// The popup's outer rectangle when centred in `screen`.
    public func area(in screen: Rect) -> Rect {
        screen.centered(width: min(width, screen.width - 2), height: min(height, screen.height - 2))
    }

    /// Where content goes when the popup is centred in `screen`.
    public func contentArea(in screen: Rect) -> Rect {
        block.inner(area(in: screen))
    }

    /// Clears the popup's rectangle within `screen` and draws its frame.
    public func render(into buffer: inout Buffer, screen: Rect) {
        let outer = area(in: screen)
        Clear(style: style).render(into: &buffer, area: outer)
        block.render(into: &buffer, area: outer)
    }

    /// Clears, frames, and draws `content` inside.
    public func render(into buffer: inout Buffer, screen: Rect, content: some Widget) {
        render(into: &buffer, screen: screen)
        content.render(into: &buffer, area: contentArea(in: screen))
    }
}
