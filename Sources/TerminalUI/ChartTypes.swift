/// A data point in chart coordinates.
public struct ChartPoint: Hashable, Sendable {
    public var x: Double
    public var y: Double

    /// A point at (`x`, `y`).
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// The visible range of one chart axis.
public enum AxisBounds: Hashable, Sendable {
    /// Fit the data, widened to round tick values.
    case auto
    /// Exactly this range; data outside is clipped.
    case fixed(Double, Double)
}

/// One legend row: a coloured sample line and a name.
public struct LegendEntry: Hashable, Sendable {
    public var name: String
    public var style: Style

    /// A legend row; only `style.fg` colours the sample line.
    public init(_ name: String, style: Style) {
        self.name = name
        self.style = style
    }
}
