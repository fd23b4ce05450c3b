import Foundation
import TerminalUI
import Testing

@Suite struct DashboardFrameTests {
    /// A dashboard-like frame: tabs, bordered panels, a chart, a heatmap, glyphs, a table,
    /// gauges and a status bar, all at 160x48.
    static func renderDashboard(into buffer: inout Buffer, tick: Int) {
        let rows = buffer.area.splitVertically([.length(1), .fill(1), .length(1)])
        Tabs(["Train", "Episodes", "Glyphs", "Help"], selected: tick % 4).render(into: &buffer, area: rows[0])
        let columns = rows[1].splitHorizontally([.percentage(50), .fill(1)])
        let left = columns[0].splitVertically([.fill(2), .fill(1)])
        let right = columns[1].splitVertically([.fill(1), .fill(1)])

        let chartBlock = Block(title: "Loss", focused: true)
        chartBlock.render(into: &buffer, area: left[0])
        let loss = (0..<400).map { Float(2 * exp(-Double($0 + tick) / 80) + 0.05 * sin(Double($0))) }
        LineChart([.init("loss", values: loss, style: Style(fg: .red))]).render(into: &buffer, area: chartBlock.inner(left[0]))

        let tableBlock = Block(title: "Runs")
        tableBlock.render(into: &buffer, area: left[1])
        let tableRows = (0..<30).map { Table.Row(["run \($0)", NumberFormatting.fixed(Double($0) / 30, decimals: 3), "MAML"]) }
        Table(header: ["Run", "Acc", "Method"], rows: tableRows, widths: [.length(8), .length(6), .fill(1)], selected: tick % 30)
            .render(into: &buffer, area: tableBlock.inner(left[1]))

        let heatBlock = Block(title: "Distances")
        heatBlock.render(into: &buffer, area: right[0])
        let values = (0..<25).map { Float(($0 * 7 + tick) % 11) }
        Heatmap(values: values, rows: 5, columns: 5, rowLabels: ["a", "b", "c", "d", "e"], valueDecimals: 0)
            .render(into: &buffer, area: heatBlock.inner(right[0]))

        let glyphBlock = Block(title: "Support set")
        glyphBlock.render(into: &buffer, area: right[1])
        let glyphArea = glyphBlock.inner(right[1])
        let ring = Fixtures.ring()
        for (index, cell) in glyphArea.splitHorizontally([.fill(1), .fill(1), .fill(1)]).enumerated() {
            let mode: GlyphStyle = index == 0 ? .ascii : index == 1 ? .blocks : .braille
            GlyphView(pixels: ring, width: 105, height: 105, mode: mode).render(into: &buffer, area: cell)
        }
        Gauge(ratio: Double(tick % 100) / 100).render(into: &buffer, area: glyphArea.row(glyphArea.height - 1))
        StatusBar([KeyHint("q", "quit"), KeyHint("?", "help")], rightText: "frame \(tick)").render(into: &buffer, area: rows[2])
    }

    /// Frame after frame, the terminal sends only differences; the screen must still end up
    /// exactly as a full redraw of the last frame. (How long a frame takes is `episcope bench`'s
    /// `ui_frame` line, measured on the explorer's real screens.)
    @Test func successiveFramesLeaveTheScreenAsAFullRedraw() {
        let backend = TestBackend(width: 160, height: 48)
        let terminal = Terminal(backend: backend)
        for tick in 0...21 {
            terminal.draw { DashboardFrameTests.renderDashboard(into: &$0, tick: tick) }
        }
        var fresh = Buffer(width: 160, height: 48)
        DashboardFrameTests.renderDashboard(into: &fresh, tick: 21)
        #expect(terminal.lastFrame == fresh)
        #expect(backend.buffer == fresh, "the diffs sent to the backend drew the last frame")
    }
}
