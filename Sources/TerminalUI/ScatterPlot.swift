/// Points in the plane over labelled axes: embeddings projected to 2-D, coloured by class.
/// Points without a marker are single braille dots; points with one are drawn as that
/// text (e.g. a class prototype as `★`, `X` or its class number `10`), starting at its cell.
public struct ScatterPlot: Widget, Hashable, Sendable {
    /// One point.
    public struct Point: Hashable, Sendable {
        public var x: Double
        public var y: Double
        public var style: Style
        /// Text drawn from the point's cell rightwards instead of a dot: one character, or a
        /// short label such as a two-digit class number.
        public var marker: String?

        /// A point; `style.fg` colours its dot or marker.
        public init(x: Double, y: Double, style: Style = .plain, marker: String? = nil) {
            self.x = x
            self.y = y
            self.style = style
            self.marker = marker
        }
    }

    public var points: [Point]
    public var xBounds: AxisBounds
    public var yBounds: AxisBounds
    public var xTitle: String?
    public var yTitle: String?
    public var legend: [LegendEntry]
    public var axisStyle: Style
    public var labelStyle: Style

    /// A plot of `points`; `legend` rows are drawn top-right.
    public init(
        _ points: [Point],
        xBounds: AxisBounds = .auto,
        yBounds: AxisBounds = .auto,
        xTitle: String? = nil,
        yTitle: String? = nil,
        legend: [LegendEntry] = [],
        axisStyle: Style = Style(fg: .gray),
        labelStyle: Style = Style(fg: .gray)
    ) {
        self.points = points
        self.xBounds = xBounds
        self.yBounds = yBounds
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.legend = legend
        self.axisStyle = axisStyle
        self.labelStyle = labelStyle
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard area.width > 4, area.height > 3 else { return }
        let axes = ChartAxes.make(
            points: points.lazy.map { ChartPoint(x: $0.x, y: $0.y) }, xBounds: xBounds, yBounds: yBounds,
            xTitle: xTitle, yTitle: yTitle, axisStyle: axisStyle, labelStyle: labelStyle, area: area)
        let plot = axes.plotArea(in: area)
        guard !plot.isEmpty else { return }
        axes.render(into: &buffer, area: area, plot: plot)
        var canvas = BrailleCanvas(width: plot.width, height: plot.height)
        for point in points where point.marker == nil && point.x.isFinite && point.y.isFinite {
            let dot = axes.dot(for: ChartPoint(x: point.x, y: point.y), canvas: canvas)
            canvas.set(x: dot.x, y: dot.y, color: point.style.fg)
        }
        canvas.render(into: &buffer, area: plot)
        // Markers go on top so prototypes stay visible inside dense clouds.
        for point in points where point.x.isFinite && point.y.isFinite {
            guard let marker = point.marker else { continue }
            let x = axes.column(for: point.x, plot: plot), y = axes.row(for: point.y, plot: plot)
            guard plot.contains(x: x, y: y) else { continue }
            buffer.set(x: x, y: y, string: marker, style: point.style, clip: plot)
        }
        ChartAxes.renderLegend(legend, into: &buffer, plot: plot)
    }
}
