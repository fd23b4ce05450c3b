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

/// A tick placed by the caller: its position in data coordinates and its label. Charts take
/// them to override their own ticks, e.g. every integer inner step, or the powers of ten of an
/// axis the caller has put on a log scale.
public struct AxisTick: Hashable, Sendable {
    public var value: Double
    public var label: String

    /// A tick at `value` labelled `label`.
    public init(_ value: Double, label: String) {
        self.value = value
        self.label = label
    }
}
