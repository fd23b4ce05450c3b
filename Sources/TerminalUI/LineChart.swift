/// Several series of (x, y) points drawn as braille lines over labelled axes, with a legend.
/// Training curves, loss against steps, accuracy against shots.
public struct LineChart: Widget, Hashable, Sendable {
    /// One named, coloured curve.
    public struct Series: Hashable, Sendable {
        public var name: String
        public var points: [ChartPoint]
        public var style: Style
        /// Drawn in the cell of every point, over the line: a letter or symbol that tells this
        /// series from the others without colour and marks where each measurement is.
        public var marker: String?

        /// A curve through `points` in order; non-finite points break the line.
        public init(_ name: String, points: [ChartPoint], style: Style, marker: String? = nil) {
            self.name = name
            self.points = points
            self.style = style
            self.marker = marker
        }

        /// A curve from evenly spaced values: x is `xStart + index * xStep`.
        public init(_ name: String, values: [Float], xStart: Double = 0, xStep: Double = 1, style: Style, marker: String? = nil) {
            self.init(
                name,
                points: values.enumerated().map {
                    ChartPoint(x: xStart + Double($0.offset) * xStep, y: Double($0.element))
                }, style: style, marker: marker)
        }
    }

    public var series: [Series]
    public var xBounds: AxisBounds
    public var yBounds: AxisBounds
    public var xTitle: String?
    public var yTitle: String?
    public var showLegend: Bool
    public var axisStyle: Style
    public var labelStyle: Style
    /// Ticks of the caller's choosing (nil: evenly spaced ones the chart picks).
    public var xTicks: [AxisTick]?
    public var yTicks: [AxisTick]?

    /// A chart of `series`; `.auto` bounds fit all series together.
    public init(
        _ series: [Series],
        xBounds: AxisBounds = .auto,
        yBounds: AxisBounds = .auto,
        xTitle: String? = nil,
        yTitle: String? = nil,
        showLegend: Bool = true,
        axisStyle: Style = Style(fg: .gray),
        labelStyle: Style = Style(fg: .gray),
        xTicks: [AxisTick]? = nil,
        yTicks: [AxisTick]? = nil
    ) {
        self.xTicks = xTicks
        self.yTicks = yTicks
        self.series = series
        self.xBounds = xBounds
        self.yBounds = yBounds
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.showLegend = showLegend
        self.axisStyle = axisStyle
        self.labelStyle = labelStyle
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard area.width > 4, area.height > 3 else { return }
        let axes = ChartAxes.make(
            points: series.lazy.flatMap(\.points), xBounds: xBounds, yBounds: yBounds,
            xTitle: xTitle, yTitle: yTitle, axisStyle: axisStyle, labelStyle: labelStyle, area: area, xTicks: xTicks, yTicks: yTicks)
        let plot = axes.plotArea(in: area)
        guard !plot.isEmpty else { return }
        axes.render(into: &buffer, area: area, plot: plot)
        var canvas = BrailleCanvas(width: plot.width, height: plot.height)
        for line in series {
            var previous: (x: Int, y: Int)? = nil
            for point in line.points {
                guard point.x.isFinite && point.y.isFinite else {
                    previous = nil  // a gap, not a line through garbage
                    continue
                }
                let dot = axes.dot(for: point, canvas: canvas)
                if let previous {
                    canvas.line(from: previous, to: dot, color: line.style.fg)
                } else {
                    canvas.set(x: dot.x, y: dot.y, color: line.style.fg)
                }
                previous = dot
            }
        }
        canvas.render(into: &buffer, area: plot)
        // Markers go over the lines, in series order, so each measurement is labelled.
        for line in series {
            guard let marker = line.marker else { continue }
            for point in line.points where point.x.isFinite && point.y.isFinite {
                let x = axes.column(for: point.x, plot: plot), y = axes.row(for: point.y, plot: plot)
                guard plot.contains(x: x, y: y) else { continue }
                buffer.set(x: x, y: y, string: marker, style: line.style.bold, clip: plot)
            }
        }
        if showLegend {
            ChartAxes.renderLegend(series.map { LegendEntry($0.name, style: $0.style) }, into: &buffer, plot: plot)
        }
    }
}

extension ChartAxes {
    /// Axes fitted to `points` (for `.auto` bounds) with tick density suited to `area`.
    static func make(
        points: some Sequence<ChartPoint>, xBounds: AxisBounds, yBounds: AxisBounds, xTitle: String?,
        yTitle: String?, axisStyle: Style, labelStyle: Style, area: Rect, xTicks: [AxisTick]? = nil, yTicks: [AxisTick]? = nil
    ) -> ChartAxes {
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
        for point in points where point.x.isFinite && point.y.isFinite {
            minX = min(minX, point.x); maxX = max(maxX, point.x)
            minY = min(minY, point.y); maxY = max(maxY, point.y)
        }
        let y = scale(yBounds, dataLow: minY, dataHigh: maxY, cells: area.height - 2, cellsPerTick: 3)
        let x = scale(xBounds, dataLow: minX, dataHigh: maxX, cells: area.width - 8, cellsPerTick: 12)
        return ChartAxes(
            xRange: (x.0, x.1), yRange: (y.0, y.1), xTicks: xTicks?.map(\.value) ?? x.2, yTicks: yTicks?.map(\.value) ?? y.2,
            xStep: x.3, yStep: y.3, xLabels: xTicks?.map(\.label) ?? x.2.map { NumberFormatting.tick($0, step: x.3) },
            yLabels: yTicks?.map(\.label) ?? y.2.map { NumberFormatting.tick($0, step: y.3) }, xTitle: xTitle, yTitle: yTitle,
            axisStyle: axisStyle, labelStyle: labelStyle)
    }
}
