/// A drawing as a ``GlyphView`` put it into a buffer: the view and the cells it covered.
public struct PlacedGlyph: Hashable, Sendable {
    public var view: GlyphView
    /// The cells the drawing occupies (its fitted size, centred in the area it was given).
    public var area: Rect

    /// `view`, drawn over `area`.
    public init(view: GlyphView, area: Rect) {
        self.view = view
        self.area = area
    }
}
