import TerminalUI
import Testing

@Suite struct LayoutTests {
    let area = Rect(x: 0, y: 0, width: 100, height: 40)

    @Test func lengthAndFillTileTheArea() {
        let rects = area.splitVertically([.length(1), .fill(1), .length(1)])
        #expect(
            rects == [
                Rect(x: 0, y: 0, width: 100, height: 1),
                Rect(x: 0, y: 1, width: 100, height: 38),
                Rect(x: 0, y: 39, width: 100, height: 1)
            ])
    }

    @Test func percentagesAndWeightedFills() {
        let widths = area.splitHorizontally([.percentage(30), .fill(1), .fill(2)]).map(\.width)
        #expect(widths == [30, 24, 46])
    }

    @Test func minGrowsWhenThereIsNoFill() {
        let widths = area.splitHorizontally([.length(10), .min(20), .min(20)]).map(\.width)
        #expect(widths == [10, 45, 45])
    }

    @Test func spacingIsLeftBetweenParts() {
        let rects = area.splitHorizontally([.fill(1), .fill(1)], spacing: 2)
        #expect(rects.map(\.x) == [0, 51])
        #expect(rects.map(\.width) == [49, 49])
    }

    @Test func tooSmallAreaShrinksLastPartsFirst() {
        let small = Rect(x: 5, y: 5, width: 10, height: 4)
        let heights = small.splitVertically([.length(3), .length(3), .fill(1)]).map(\.height)
        #expect(heights == [3, 1, 0])
    }

    @Test func rectHelpers() {
        let rect = Rect(x: 2, y: 3, width: 10, height: 6)
        #expect(rect.inset(by: 1) == Rect(x: 3, y: 4, width: 8, height: 4))
        #expect(rect.inset(by: 10).isEmpty)
        #expect(rect.centered(width: 4, height: 2) == Rect(x: 5, y: 5, width: 4, height: 2))
        #expect(rect.intersection(Rect(x: 0, y: 0, width: 5, height: 5)) == Rect(x: 2, y: 3, width: 3, height: 2))
        #expect(rect.splitLeft(3).1 == Rect(x: 5, y: 3, width: 7, height: 6))
    }
}
