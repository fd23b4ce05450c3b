import TerminalUI
import Testing

/// Numbers that must fit a column: a table or heatmap column never spills into the next one.
@Suite struct NumberFittingTests {
    @Test func decimalsFittingPicksOnePrecisionForAll() {
        #expect(NumberFormatting.decimals(fitting: [3.738, 32.7, 8.13], width: 4, maxDecimals: 2) == 1)
        #expect(NumberFormatting.decimals(fitting: [3.738, 32.7, 8.13], width: 3, maxDecimals: 2) == 0)
        #expect(NumberFormatting.decimals(fitting: [3.738, 8.13], width: 4, maxDecimals: 2) == 2)
        #expect(NumberFormatting.decimals(fitting: [132.7], width: 2, maxDecimals: 2) == nil)
        #expect(NumberFormatting.decimals(fitting: [.nan, 1.5], width: 3, maxDecimals: 1) == 1, "non-finite values are ignored")
    }

    @Test(arguments: [74153.289, 227.0, -0.000_31, 1e12, 9.96e4, .nan, .infinity, -.infinity, 0.5])
    func fittedNeverExceedsItsWidth(value: Double) {
        for width in 1...9 {
            let text = NumberFormatting.fitted(value, width: width, maxDecimals: 3)
            #expect(text.count <= width, "\(value) in \(width): \(text)")
            #expect(!text.isEmpty)
        }
    }

    @Test func fittedDropsDecimalsThenUsesPowersOfTen() {
        #expect(NumberFormatting.fitted(3.29412, width: 8, maxDecimals: 3) == "3.294")
        #expect(NumberFormatting.fitted(74153.289, width: 8, maxDecimals: 3) == "74153.29")
        #expect(NumberFormatting.fitted(74153.289, width: 5, maxDecimals: 3) == "74153")
        #expect(NumberFormatting.fitted(74153.289, width: 4, maxDecimals: 3) == "7e4")
        #expect(NumberFormatting.fitted(74153.289, width: 3, maxDecimals: 3) == "7e4")
        #expect(NumberFormatting.fitted(99_600, width: 4, maxDecimals: 0) == "1e5", "9.96e4 rounds up into the next power")
        #expect(NumberFormatting.fitted(.nan, width: 8, maxDecimals: 3) == "nan")
        #expect(NumberFormatting.fitted(.nan, width: 2, maxDecimals: 3) == "##")
    }

    @Test func significantKeepsSmallValuesVisible() {
        #expect(NumberFormatting.significant(0.000_31, width: 5, maxDecimals: 3) == "3e-4")
        #expect(NumberFormatting.significant(0.000_31, width: 6, maxDecimals: 3) == "3.1e-4")
        #expect(NumberFormatting.significant(0.0123, width: 5, maxDecimals: 3) == "0.012")
        #expect(NumberFormatting.significant(0, width: 5, maxDecimals: 3) == "0.000")
    }

    @Test func lineChartMarksEveryPointAndTakesGivenTicks() {
        var buffer = Buffer(width: 30, height: 8)
        let series = [
            LineChart.Series("a", values: [4, 1, 0.5], style: .plain, marker: "A"),
            LineChart.Series("b", values: [3, 2, 2], style: .plain, marker: "B")
        ]
        let ticks = (0...2).map { AxisTick(Double($0), label: "s\($0)") }
        LineChart(series, xBounds: .fixed(0, 2), yBounds: .fixed(0, 4), showLegend: false, xTicks: ticks).render(into: &buffer, area: buffer.area)
        let text = buffer.plainText()
        #expect(text.filter { $0 == "A" }.count == 3, "\(text)")
        #expect(text.filter { $0 == "B" }.count == 3, "\(text)")
        for label in ["s0", "s1", "s2"] { #expect(text.contains(label), "\(text)") }
    }
}
