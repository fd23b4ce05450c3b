/// The frame shared by line and scatter charts: y tick labels on the left, axis lines,
/// x tick labels underneath, optional axis titles, and a legend in the top-right corner of
/// the plot. It works out where the plot goes and how data maps onto dots.
struct ChartAxes {
    var xRange: (low: Double, high: Double)
    var yRange: (low: Double, high: Double)
    var xTicks: [Double]
    var yTicks: [Double]
    var xStep: Double
    var yStep: Double
    /// Labels of the ticks, one per tick; by default `NumberFormatting.tick` of each.
    var xLabels: [String]
    var yLabels: [String]
    var xTitle: String?
    var yTitle: String?
    var axisStyle: Style
    var labelStyle: Style

    /// Bounds and ticks for data spanning `low...high` on an axis of `cells` cells.
    static func scale(_ bounds: AxisBounds, dataLow: Double, dataHigh: Double, cells: Int, cellsPerTick: Int) -> (Double, Double, [Double], Double) {
        let tickCount = max(2, min(6, cells / cellsPerTick + 1))
        switch bounds {
        case .fixed(let low, let high):
            let high = high > low ? high : low + 1
            let step = (high - low) / Double(tickCount - 1)
            return (low, high, (0..<tickCount).map { low + Double($0) * step }, step)
        case .auto:
            var low = dataLow.isFinite ? dataLow : 0
            var high = dataHigh.isFinite ? dataHigh : 1
            if high <= low {
                let pad = low == 0 ? 1 : abs(low) * 0.1
                low -= pad
                high += pad
            }
            let step = niceStep((high - low) / Double(tickCount - 1))
            let niceLow = (low / step).rounded(.down) * step
            let niceHigh = (high / step).rounded(.up) * step
            var ticks: [Double] = []
            var value = niceLow
            while value <= niceHigh + step * 1e-9 {
                ticks.append(abs(value) < step * 1e-9 ? 0 : value)
                value += step
            }
            return (niceLow, niceHigh, ticks, step)
        }
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0 && raw.isFinite else { return 1 }
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        for multiple in [1.0, 2.0, 5.0, 10.0] where power * multiple >= raw * (1 - 1e-9) {
            return power * multiple
        }
        return power * 10
    }

    /// Where the dots go within `area`, after labels and axis lines.
    func plotArea(in area: Rect) -> Rect {
        let labelWidth = yLabels.map { CharacterWidth.of($0) }.max() ?? 0
        let top = yTitle == nil ? 0 : 1
        // y labels, then the axis column; x axis row and x labels at the bottom.
        return area.inset(top: top, left: labelWidth + 1, bottom: 2)
    }

    /// Dot coordinates of a data point on a canvas covering `plot`.
    func dot(for point: ChartPoint, canvas: BrailleCanvas) -> (x: Int, y: Int) {
        let fx = (point.x - xRange.low) / (xRange.high - xRange.low)
        let fy = (point.y - yRange.low) / (yRange.high - yRange.low)
        let x = (fx * Double(canvas.dotWidth - 1)).rounded()
        let y = ((1 - fy) * Double(canvas.dotHeight - 1)).rounded()
        // Clamp far-away points so Bresenham still clips them cheaply at the canvas edge.
        let limit = Double(4 * (canvas.dotWidth + canvas.dotHeight))
        return (Int(min(max(x, -limit), limit)), Int(min(max(y, -limit), limit)))
    }

    /// Cell column of an x value within `plot`.
    func column(for x: Double, plot: Rect) -> Int {
        plot.x + Int(((x - xRange.low) / (xRange.high - xRange.low) * Double(plot.width - 1)).rounded())
    }

    /// Cell row of a y value within `plot`.
    func row(for y: Double, plot: Rect) -> Int {
        plot.y + Int(((1 - (y - yRange.low) / (yRange.high - yRange.low)) * Double(plot.height - 1)).rounded())
    }

    func render(into buffer: inout Buffer, area: Rect, plot: Rect) {
        guard !plot.isEmpty else { return }
        let ascii = buffer.charset == .ascii
        let axisX = plot.x - 1, axisY = plot.bottom
        for y in plot.top..<plot.bottom {
            buffer.set(x: axisX, y: y, scalar: ascii ? "|" : "│", style: axisStyle)
        }
        for x in plot.left..<plot.right {
            buffer.set(x: x, y: axisY, scalar: ascii ? "-" : "─", style: axisStyle)
        }
        buffer.set(x: axisX, y: axisY, scalar: ascii ? "+" : "└", style: axisStyle)

        var lastLabelEnd = Int.min
        for (tick, text) in zip(yTicks, yLabels) {
            let y = row(for: tick, plot: plot)
            guard y >= plot.top && y < plot.bottom else { continue }
            buffer.set(x: axisX, y: y, scalar: ascii ? "+" : "┤", style: axisStyle)
            buffer.set(x: axisX - CharacterWidth.of(text), y: y, string: text, style: labelStyle, clip: area)
        }
        for (tick, text) in zip(xTicks, xLabels) {
            let x = column(for: tick, plot: plot)
            guard x >= plot.left && x < plot.right else { continue }
            if x > plot.left { buffer.set(x: x, y: axisY, scalar: ascii ? "+" : "┬", style: axisStyle) }
            let width = CharacterWidth.of(text)
            let start = min(max(area.x, x - width / 2), area.right - width)
            guard start > lastLabelEnd else { continue }
            buffer.set(x: start, y: axisY + 1, string: text, style: labelStyle, clip: area)
            lastLabelEnd = start + width
        }
        if let xTitle {
            let width = CharacterWidth.of(xTitle)
            let start = area.right - width
            if start > lastLabelEnd {
                buffer.set(x: start, y: axisY + 1, string: xTitle, style: labelStyle.italic, clip: area)
            }
        }
        if let yTitle {
            buffer.set(x: area.x, y: area.y, string: yTitle, style: labelStyle.italic, clip: area)
        }
    }

    /// A boxless legend in the plot's top-right corner; it blanks the cells it covers.
    static func renderLegend(_ entries: [LegendEntry], into buffer: inout Buffer, plot: Rect) {
        guard !entries.isEmpty else { return }
        let ascii = buffer.charset == .ascii
        let width = (entries.map { CharacterWidth.of($0.name) }.max() ?? 0) + 3
        guard width + 1 < plot.width else { return }
        for (index, entry) in entries.enumerated() where index < plot.height {
            let y = plot.y + index
            let x = plot.right - width
            buffer.fill(Rect(x: x - 1, y: y, width: width + 1, height: 1))
            let next = buffer.set(x: x, y: y, string: ascii ? "--" : "──", style: entry.style)
            buffer.set(x: next + 1, y: y, string: entry.name, style: Style(fg: .default), clip: plot)
        }
    }
}
