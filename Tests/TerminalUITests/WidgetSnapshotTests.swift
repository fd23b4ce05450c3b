import Foundation
import TerminalUI
import TestSupport
import Testing

@Suite struct WidgetSnapshotTests {
    @Test func blockWithTitles() {
        var buffer = Buffer(width: 30, height: 8)
        let (left, right) = buffer.area.splitLeft(15)
        Block(title: "Train", rightTitle: "3/10").render(into: &buffer, area: left.splitTop(4).0)
        Block(title: "Focused", borderType: .thick, focused: true).render(into: &buffer, area: right.splitTop(4).0)
        Block(title: "Plain", borderType: .plain)
            .title(Block.Title("bottom", alignment: .right, position: .bottom))
            .render(into: &buffer, area: left.splitTop(4).1)
        Block(title: "Double", borderType: .double).render(into: &buffer, area: right.splitTop(4).1)
        assertSnapshot(buffer, named: "block")
    }

    @Test func blockInAsciiMode() {
        let buffer = render(Block(title: "ascii", rightTitle: "ok"), width: 20, height: 3, charset: .ascii)
        assertSnapshot(buffer, named: "block-ascii")
    }

    @Test("a title too long for its block gets shorter and the corner stays whole")
    func blockTitleTooLongIsCut() {
        func firstRow(_ b: Buffer) -> String { String(b.plainText().split(separator: "\n", omittingEmptySubsequences: false)[0]) }
        // First a shorter form the caller gave, then the title without its trailing clauses,
        // then an ellipsis.
        let long = Block(title: "Squared distance, query x prototype", rightTitle: "closer")
        #expect(firstRow(render(long, width: 30, height: 3)) == "╭─ Squared distance ─────────╮")
        let given = Block().title(Block.Title("Squared distance, query x prototype", shorter: ["Squared, q x p"]))
        #expect(firstRow(render(given, width: 30, height: 3)) == "╭─ Squared, q x p ───────────╮")
        #expect(firstRow(render(long, width: 16, height: 3)) == "╭─ Squared d… ─╮")
        #expect(firstRow(render(long, width: 16, height: 3, charset: .ascii)) == "+- Squared... -+")
        #expect(Line("MAML, shipped, 600 it").clauseCuts == [Line("MAML, shipped"), Line("MAML")])
        #expect(Line("ProtoNet, untrained (no model)").clauseCuts == [Line("ProtoNet, untrained"), Line("ProtoNet")])
        // Styles survive the cut: the kept part of each span keeps its own.
        let styled = Line([Span("ab", style: Style().bold), Span("cdef")]).shortened(to: 4, ascii: false)
        #expect(styled == Line([Span("ab", style: Style().bold), Span("c"), Span("…")]))
        #expect(Line("abc").shortened(to: 3, ascii: false) == Line("abc"))
        #expect(Line("abc").shortened(to: 1, ascii: false).width == 0)
    }

    @Test func paragraphWrapsWordsAcrossSpans() {
        let paragraph = Paragraph([
            Line([Span("MAML", style: Style().bold), " learns an initialisation from which a few gradient steps solve a new task."]),
            Line("centred", alignment: .center),
            Line("Supercalifragilisticexpialidocious words are cut.")
        ])
        assertSnapshot(render(paragraph, width: 24, height: 9), named: "paragraph")
    }

    @Test func tabs() {
        let tabs = Tabs(["Train", "Episodes", "Glyphs", "Help"], selected: 1)
        assertSnapshot(render(tabs, width: 50, height: 1), named: "tabs")
    }

    @Test func gauges() {
        var buffer = Buffer(width: 24, height: 4)
        Gauge(ratio: 0.0).render(into: &buffer, area: buffer.area.row(0))
        Gauge(ratio: 0.4375).render(into: &buffer, area: buffer.area.row(1))
        Gauge(ratio: 0.73, label: "step 730/1000", labelPosition: .trailing).render(into: &buffer, area: buffer.area.row(2))
        Gauge(ratio: 1.0).render(into: &buffer, area: buffer.area.row(3))
        assertSnapshot(buffer, named: "gauge")
        var ascii = Buffer(width: 24, height: 1, charset: .ascii)
        Gauge(ratio: 0.5, labelPosition: .trailing).render(into: &ascii, area: ascii.area)
        assertSnapshot(ascii, named: "gauge-ascii")
    }

    @Test func tableWithSelection() {
        let rows = (1...8).map { index in
            Table.Row(["run \(index)", NumberFormatting.fixed(Double(index) * 0.11, decimals: 2), index % 2 == 0 ? "MAML" : "ProtoNet"])
        }
        let table = Table(header: ["Run", "Acc", "Method"], rows: rows, widths: [.length(7), .length(5), .fill(1)], selected: 6)
        assertSnapshot(render(table, width: 28, height: 5), named: "table")
    }

    @Test func heatmapWithValues() {
        let values: [Float] = [0.0, 1.2, 2.5, 3.1, 1.2, 0.0, 1.9, 2.2, 2.5, 1.9, 0.0, 0.7, 3.1, 2.2, 0.7, 0.0]
        let heatmap = Heatmap(
            values: values, rows: 4, columns: 4, rowLabels: ["α", "β", "γ", "δ"],
            columnLabels: ["α", "β", "γ", "δ"], fill: .shade, valueDecimals: 1, cellWidth: 5,
            highlightedRow: 2)
        assertSnapshot(render(heatmap, width: 26, height: 9), named: "heatmap")
    }

    @Test func heatmapBackgroundUsesTheScale() {
        let heatmap = Heatmap(values: [0, 1], rows: 1, columns: 2, scale: .grayscale, cellWidth: 2)
        let buffer = render(heatmap, width: 4, height: 1)
        #expect(buffer[0, 0].style.bg == ColorScale.grayscale.color(at: 0))
        #expect(buffer[3, 0].style.bg == ColorScale.grayscale.color(at: 1))
        #expect(buffer[0, 0].style.bg != buffer[3, 0].style.bg)
    }

    @Test func brailleCanvasLinesAndDots() {
        var canvas = BrailleCanvas(width: 10, height: 3)
        canvas.line(from: (0, 11), to: (19, 0), color: .green)
        canvas.line(from: (0, 0), to: (19, 0))
        canvas.set(x: 0, y: 11)
        #expect(canvas.isSet(x: 19, y: 0))
        #expect(!canvas.isSet(x: 1, y: 11))
        assertSnapshot(render(canvas, width: 10, height: 3), named: "braille-canvas")
        assertSnapshot(render(canvas, width: 10, height: 3, charset: .ascii), named: "braille-canvas-ascii")
    }

    @Test func lineChartWithTwoSeries() {
        let loss = (0..<60).map { Float(2.0 * exp(-Double($0) / 15) + 0.1) }
        let accuracy = (0..<60).map { Float(1.0 - exp(-Double($0) / 20)) }
        let chart = LineChart(
            [
                .init("loss", values: loss, xStep: 10, style: Style(fg: .red)),
                .init("acc", values: accuracy, xStep: 10, style: Style(fg: .green))
            ], xTitle: "step", yTitle: "value")
        assertSnapshot(render(chart, width: 50, height: 14), named: "line-chart")
    }

    @Test func lineChartFixedBoundsAscii() {
        let chart = LineChart(
            [
                .init(
                    "sin",
                    points: (0...40).map { i in
                        let x = Double(i) / 40 * 2 * Double.pi
                        return ChartPoint(x: x, y: sin(x))
                    }, style: Style(fg: .cyan))
            ], xBounds: .fixed(0, 6.3), yBounds: .fixed(-1, 1), showLegend: false)
        assertSnapshot(render(chart, width: 40, height: 10, charset: .ascii), named: "line-chart-ascii")
    }

    @Test func scatterPlotWithMarkers() {
        var points: [ScatterPlot.Point] = []
        for i in 0..<12 {
            let angle = Double(i) / 12 * 2 * Double.pi
            points.append(.init(x: 2 + cos(angle), y: 2 + sin(angle), style: Style(fg: .red)))
            points.append(.init(x: -2 + 0.5 * cos(angle), y: -1 + 0.5 * sin(angle), style: Style(fg: .blue)))
        }
        points.append(.init(x: 2, y: 2, style: Style(fg: .red), marker: "A"))
        points.append(.init(x: -2, y: -1, style: Style(fg: .blue), marker: "B"))
        let plot = ScatterPlot(points, legend: [LegendEntry("class A", style: Style(fg: .red)), LegendEntry("class B", style: Style(fg: .blue))])
        assertSnapshot(render(plot, width: 40, height: 14), named: "scatter-plot")
    }

    @Test(arguments: [GlyphStyle.ascii, .blocks, .braille])
    func glyphRing(mode: GlyphStyle) {
        let view = GlyphView(pixels: Fixtures.ring(), width: 105, height: 105, mode: mode)
        assertSnapshot(render(view, width: 20, height: 10), named: "glyph-ring-\(mode)")
    }

    @Test(arguments: [GlyphStyle.ascii, .blocks, .braille])
    func glyphLetter(mode: GlyphStyle) {
        // Stored dark-on-light like an Omniglot scan, so the view has to invert it.
        let scan = Fixtures.letterA().map { 1 - $0 }
        let bytes = scan.map { UInt8($0 * 255) }
        let view = GlyphView(bytes: bytes, width: 105, height: 105, mode: mode, invert: true)
        assertSnapshot(render(view, width: 24, height: 12), named: "glyph-letter-\(mode)")
    }

    @Test func glyphBlankStaysBlank() {
        let view = GlyphView(pixels: [Float](repeating: 0, count: 16), width: 4, height: 4, mode: .braille)
        #expect(render(view, width: 4, height: 2).plainText() == "\n")
    }

    @Test func statusBar() {
        let bar = StatusBar(
            [KeyHint("q", "quit"), KeyHint("?", "help"), KeyHint("Tab", "next panel"), KeyHint("space", "pause")],
            rightText: "epoch 3")
        assertSnapshot(render(bar, width: 60, height: 1), named: "status-bar")
    }

    @Test("help and quit always show: other hints give way, then the message is shortened")
    func statusBarKeepsEssentialHints() {
        let hints = [
            KeyHint("r", "resample"), KeyHint("+/-", "ways"), KeyHint("]/[", "shots"), KeyHint("Tab", "screen"),
            KeyHint("?", "help"), KeyHint("q", "quit")
        ]
        let narrow = render(StatusBar(hints, essentialKeys: ["?", "q"]), width: 30, height: 1).plainText()
        #expect(narrow == " r resample  ? help  q quit", "\(narrow)")
        #expect(narrow.contains("? help") && narrow.contains("q quit"), "\(narrow)")
        let message = "loading Omniglot from a very slow disk, please wait"
        let crowded = render(StatusBar(hints, rightText: message, essentialKeys: ["?", "q"]), width: 40, height: 1).plainText()
        #expect(crowded.contains("? help") && crowded.contains("q quit"), "\(crowded)")
        #expect(crowded.contains("loading") && crowded.hasSuffix("…"), "\(crowded)")
        let plain = render(StatusBar(hints, rightText: message), width: 40, height: 1).plainText()
        #expect(!plain.contains("q quit"), "without essential keys, hints give way to the message as before")
    }

    @Test func popupClearsWhatIsBeneath() {
        var buffer = Buffer(width: 30, height: 9)
        for y in 0..<9 { buffer.set(x: 0, y: y, string: String(repeating: "x", count: 30)) }
        Popup(title: "Help", width: 20, height: 5).render(into: &buffer, screen: buffer.area, content: Paragraph("q  quit\n?  close"))
        assertSnapshot(buffer, named: "popup")
    }

    @Test func barChartOfProbabilities() {
        let chart = BarChart(
            [
                .init("Alef", value: 0.62), .init("Bet", value: 0.25), .init("Gimel", value: 0.09), .init("Dalet", value: 0.04)
            ], maxValue: 1, highlighted: 0)
        assertSnapshot(render(chart, width: 32, height: 4), named: "bar-chart")
    }

    @Test func asciiCharsetFallbacks() {
        var buffer = Buffer(width: 40, height: 12, charset: .ascii)
        let block = Block(title: "ascii mode", borderType: .rounded)
        block.render(into: &buffer, area: buffer.area)
        let parts = block.inner(buffer.area).splitHorizontally([.length(16), .fill(1)], spacing: 1)
        GlyphView(pixels: Fixtures.ring(), width: 105, height: 105, mode: .braille).render(into: &buffer, area: parts[0])
        let right = parts[1].splitVertically([.length(1), .length(1), .fill(1)])
        Tabs(["One", "Two"], selected: 0).render(into: &buffer, area: right[0])
        Gauge(ratio: 0.6).render(into: &buffer, area: right[1])
        Heatmap(values: [0, 0.5, 1, 0.25], rows: 2, columns: 2, fill: .shade, cellWidth: 3).render(into: &buffer, area: right[2])
        assertSnapshot(buffer, named: "ascii-fallbacks")
    }
}
