import TerminalUI
import Testing

@Suite struct DiffTests {
    @Test func identicalBuffersHaveNoChanges() {
        var buffer = Buffer(width: 5, height: 2)
        buffer.set(x: 0, y: 0, string: "hello")
        #expect(buffer.diff(from: buffer).isEmpty)
    }

    @Test func onlyChangedCellsAreReported() {
        var before = Buffer(width: 5, height: 2)
        before.set(x: 0, y: 0, string: "hello")
        var after = before
        after.set(x: 1, y: 0, string: "a")
        after.setStyle(Rect(x: 4, y: 1, width: 1, height: 1), style: Style(bg: .red))
        let changes = after.diff(from: before)
        #expect(changes.map { [$0.x, $0.y] } == [[1, 0], [4, 1]])
        #expect(changes[0].cell.scalar == "a")
        #expect(changes[1].cell.style.bg == .red)
    }

    @Test func differentSizesReportEveryCell() {
        let small = Buffer(width: 2, height: 2)
        let large = Buffer(width: 3, height: 2)
        #expect(large.diff(from: small).count == 6)
    }

    @Test func replacingAWideCharacterReportsBothHalves() {
        var before = Buffer(width: 4, height: 1)
        before.set(x: 0, y: 0, string: "中")
        var after = Buffer(width: 4, height: 1)
        after.set(x: 0, y: 0, string: "ab")
        let changes = after.diff(from: before)
        #expect(changes.map(\.x) == [0, 1])
    }
}
