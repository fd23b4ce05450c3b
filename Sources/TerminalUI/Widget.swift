/// Anything that can draw itself into a rectangle of a buffer. Widgets are plain values
/// built fresh every frame; they hold no terminal state.
public protocol Widget {
    /// Draws into `area` of `buffer`, never outside it.
    func render(into buffer: inout Buffer, area: Rect)
}
