import TerminalUI

/// Curves and marked points over fixed axes, in braille. Unlike `LineChart` its geometry is
/// fixed and public, so a mouse click can be turned back into data coordinates
/// (`value(atColumn:row:in:)`), and each curve can carry a text tag at its right end, so
/// curves stay distinguishable without colour.
public struct FunctionPlot: Widget {
    /// A curve through (x, y) pairs in order.
    public struct Curve {
        public var xs: [Float]
        public var ys: [Float]
        public var style: Style
        /// Drawn near the right end of the curve, e.g. "3" for "after 3 steps".
        public var tag: String?

        /// A curve; `xs` and `ys` are paired up to the shorter of the two.
        public init(xs: [Float], ys: [Float], style: Style, tag: String? = nil) {
            self.xs = xs
            self.ys = ys
            self.style = style
            self.tag = tag
        }
    }

    /// A point drawn as a character (a support point as `●`).
    public struct Marker {
        public var point: SinePoint
        public var symbol: Unicode.Scalar
        public var style: Style

        /// A marker at `point`.
        public init(_ point: SinePoint, symbol: Unicode.Scalar, style: Style) {
            self.point = point
            self.symbol = symbol
            self.style = style
        }
    }

    public var xRange: ClosedRange<Float>
    public var yRange: ClosedRange<Float>
    public var curves: [Curve]
    public var markers: [Marker]
    public var axisStyle = Theme.muted

    /// A plot over the given ranges.
    public init(xRange: ClosedRange<Float>, yRange: ClosedRange<Float>, curves: [Curve], markers: [Marker]) {
        self.xRange = xRange
        self.yRange = yRange
        self.curves = curves
        self.markers = markers
    }

    /// Columns of y labels left of the axis line.
    static let labelWidth = 3

    /// Where the dots go: `area` less the y labels and axis on the left, the x axis and its
    /// labels at the bottom.
    public func plotArea(in area: Rect) -> Rect {
        area.inset(top: 0, left: Self.labelWidth + 1, bottom: 2, right: 1)
    }

    /// The data point under cell (`column`, `row`), if the cell is inside the plot.
    public func value(atColumn column: Int, row: Int, in area: Rect) -> SinePoint? {
        let plot = plotArea(in: area)
        guard plot.contains(x: column, y: row), plot.width > 1, plot.height > 0 else { return nil }
        let dotX = Float(2 * (column - plot.x)) + 0.5, dotY = Float(4 * (row - plot.y)) + 1.5
        let x = xRange.lowerBound + dotX / Float(2 * plot.width - 1) * (xRange.upperBound - xRange.lowerBound)
        let y = yRange.upperBound - dotY / Float(4 * plot.height - 1) * (yRange.upperBound - yRange.lowerBound)
        return SinePoint(x: x, y: y)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        let plot = plotArea(in: area)
        guard plot.width > 2, plot.height > 1 else { return }
        drawAxes(into: &buffer, area: area, plot: plot)
        var canvas = BrailleCanvas(width: plot.width, height: plot.height)
        for curve in curves {
            var previous: (x: Int, y: Int)?
            for (x, y) in zip(curve.xs, curve.ys) {
                guard x.isFinite, y.isFinite else { previous = nil; continue }
                let dot = self.dot(x: x, y: y, canvas: canvas)
                if let previous {
                    canvas.line(from: previous, to: dot, color: curve.style.fg)
                } else {
                    canvas.set(x: dot.x, y: dot.y, color: curve.style.fg)
                }
                previous = dot
            }
        }
        canvas.render(into: &buffer, area: plot)
        drawTags(into: &buffer, plot: plot)
        for marker in markers where marker.point.x.isFinite && marker.point.y.isFinite {
            let (column, row) = cell(x: marker.point.x, y: marker.point.y, plot: plot)
            guard plot.contains(x: column, y: row) else { continue }
            buffer.set(x: column, y: row, scalar: marker.symbol, style: marker.style)
        }
    }

    private func dot(x: Float, y: Float, canvas: BrailleCanvas) -> (x: Int, y: Int) {
        let fx = (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound)
        let fy = (y - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound)
        // Clamped far outside so Bresenham clips cheaply instead of walking to infinity.
        let limit = Float(4 * (canvas.dotWidth + canvas.dotHeight))
        return (
            Int(min(max((fx * Float(canvas.dotWidth - 1)).rounded(), -limit), limit)),
            Int(min(max(((1 - fy) * Float(canvas.dotHeight - 1)).rounded(), -limit), limit))
        )
    }

    private func cell(x: Float, y: Float, plot: Rect) -> (Int, Int) {
        let fx = (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound)
        let fy = (y - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound)
        let dotX = (fx * Float(2 * plot.width - 1)).rounded(), dotY = ((1 - fy) * Float(4 * plot.height - 1)).rounded()
        guard dotX.isFinite, dotY.isFinite, abs(dotX) < 1e6, abs(dotY) < 1e6 else { return (-1, -1) }
        return (plot.x + Int(dotX) / 2 - (dotX < 0 ? 1 : 0), plot.y + Int(dotY) / 4 - (dotY < 0 ? 1 : 0))
    }

    private func drawAxes(into buffer: inout Buffer, area: Rect, plot: Rect) {
        let ascii = buffer.charset == .ascii
        let axisX = plot.x - 1, axisY = plot.bottom
        for y in plot.top..<plot.bottom { buffer.set(x: axisX, y: y, scalar: ascii ? "|" : "│", style: axisStyle) }
        for x in plot.left..<plot.right { buffer.set(x: x, y: axisY, scalar: ascii ? "-" : "─", style: axisStyle) }
        buffer.set(x: axisX, y: axisY, scalar: ascii ? "+" : "└", style: axisStyle)
        let yStep = Self.step(span: yRange.upperBound - yRange.lowerBound, cells: plot.height, cellsPerTick: 2)
        var tick = (yRange.lowerBound / yStep).rounded(.up) * yStep
        while tick <= yRange.upperBound + 1e-4 {
            let (_, row) = cell(x: xRange.lowerBound, y: tick, plot: plot)
            if row >= plot.top && row < plot.bottom {
                let text = Self.label(tick)
                buffer.set(x: axisX, y: row, scalar: ascii ? "+" : "┤", style: axisStyle)
                buffer.set(x: axisX - CharacterWidth.of(text), y: row, string: text, style: axisStyle, clip: area)
            }
            tick += yStep
        }
        let xStep = Self.step(span: xRange.upperBound - xRange.lowerBound, cells: plot.width, cellsPerTick: 6)
        tick = (xRange.lowerBound / xStep).rounded(.up) * xStep
        while tick <= xRange.upperBound + 1e-4 {
            let (column, _) = cell(x: tick, y: yRange.lowerBound, plot: plot)
            if column >= plot.left && column < plot.right {
                let text = Self.label(tick)
                if column > plot.left { buffer.set(x: column, y: axisY, scalar: ascii ? "+" : "┬", style: axisStyle) }
                let start = min(max(area.x, column - CharacterWidth.of(text) / 2), area.right - CharacterWidth.of(text))
                buffer.set(x: start, y: axisY + 1, string: text, style: axisStyle, clip: area)
            }
            tick += xStep
        }
    }

    /// Tags go at the right end of each curve, one per row, earlier curves first.
    private func drawTags(into buffer: inout Buffer, plot: Rect) {
        var usedRows = Set<Int>()
        for curve in curves {
            guard let tag = curve.tag, let lastX = curve.xs.last, let lastY = curve.ys.last, lastY.isFinite else { continue }
            let width = CharacterWidth.of(tag)
            let (_, row) = cell(x: lastX, y: lastY, plot: plot)
            let clamped = min(max(row, plot.top), plot.bottom - 1)
            guard !usedRows.contains(clamped), width < plot.width else { continue }
            usedRows.insert(clamped)
            buffer.set(x: plot.right - width, y: clamped, string: tag, style: curve.style.bold)
        }
    }

    /// A whole-number tick step (1, 2, 5, 10, ...) giving at most one tick per `cellsPerTick` cells.
    static func step(span: Float, cells: Int, cellsPerTick: Int) -> Float {
        let maxTicks = max(1, cells / cellsPerTick)
        for candidate: Float in [1, 2, 5, 10, 20, 50, 100] where span / candidate <= Float(maxTicks) { return candidate }
        return span
    }

    static func label(_ value: Float) -> String {
        NumberFormatting.fixed(Double(value), decimals: value == value.rounded() ? 0 : 1)
    }
}
