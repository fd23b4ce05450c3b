/// Maps a value in 0...1 to a palette colour, for heatmaps and tinted plots. Stops are
/// interpolated in RGB and then snapped to the 256-colour palette, so the result is
/// something every 256-colour terminal (and the curses backend) can show exactly.
public struct ColorScale: Hashable, Sendable {
    /// (r, g, b) stops, evenly spaced over 0...1.
    public var stops: [[UInt8]]

    /// Creates a scale from at least two RGB stops.
    public init(stops: [[UInt8]]) {
        precondition(stops.count >= 2 && stops.allSatisfy { $0.count == 3 }, "ColorScale needs at least two RGB stops")
        self.stops = stops
    }

    /// Perceptually ordered dark purple → teal → yellow; the default for distances.
    public static let viridis = ColorScale(stops: [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]])
    /// Black → red → yellow → white.
    public static let heat = ColorScale(stops: [[0, 0, 0], [180, 0, 0], [255, 200, 0], [255, 255, 255]])
    /// Dark grey → white.
    public static let grayscale = ColorScale(stops: [[28, 28, 28], [238, 238, 238]])
    /// Blue → near white → red, for signed values centred on zero.
    public static let diverging = ColorScale(stops: [[40, 80, 200], [235, 235, 235], [200, 40, 40]])

    /// The colour at `t` (clamped to 0...1; NaN maps to 0).
    public func color(at t: Float) -> Color {
        let (r, g, b) = rgb(at: t)
        return .indexed(UInt8(Color.nearestPaletteIndex(red: r, green: g, blue: b)))
    }

    /// Black or white, whichever reads better on `color(at: t)`.
    public func contrastingText(at t: Float) -> Color {
        let (r, g, b) = rgb(at: t)
        let luminance = 0.299 * Double(r) + 0.587 * Double(g) + 0.114 * Double(b)
        return luminance > 140 ? .black : .brightWhite
    }

    func rgb(at t: Float) -> (Int, Int, Int) {
        let clamped = t.isNaN ? 0 : min(max(t, 0), 1)
        let position = clamped * Float(stops.count - 1)
        let lower = min(Int(position), stops.count - 2)
        let fraction = position - Float(lower)
        func mix(_ channel: Int) -> Int {
            let a = Float(stops[lower][channel]), b = Float(stops[lower + 1][channel])
            return Int((a + (b - a) * fraction).rounded())
        }
        return (mix(0), mix(1), mix(2))
    }
}
