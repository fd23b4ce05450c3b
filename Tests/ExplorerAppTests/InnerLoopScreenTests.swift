import ExplorerApp
import TerminalUI
import TestSupport
import Testing

/// The Inner loop screen of issue 12: integer steps with a letter per task, a log scale on `l`,
/// the numbers per step, and one task's queries whose verdicts change as the steps advance.
@Suite("Inner loop screen", .serialized)
struct InnerLoopScreenTests {
    static func lines(_ frame: Buffer) -> [String] { frame.plainText().split(separator: "\n").map(String.init) }

    /// The frame after `keys`, and the state it shows.
    static func frame(width: Int = 100, height: Int = 30, keys: [Character]) -> (Buffer, AppState) {
        Fixture.withLoop(.inner, width: width, height: height) { loop -> (Buffer, AppState) in
            for key in keys {
                loop.iterate(with: .key(.char(key)))
                loop.settle()
            }
            return (loop.terminal.lastFrame, loop.state)
        }
    }

    @Test("the loss charts count whole steps 0 to 10 and mark each step with the task's letter", arguments: ScreenDefectTests.sizes)
    func integerStepsWithMarkers(width: Int, height: Int) throws {
        _ = try TestData.omniglot()
        let (frame, _) = Self.frame(width: width, height: height, keys: Array("   "))
        let lines = Self.lines(frame)
        let axis = try #require(lines.first { $0.contains(" 9 ") && $0.contains("10") }, "\(frame.plainText())")
        let labels = axis.split(whereSeparator: { $0 == " " || $0 == "│" }).map(String.init)
        #expect(Array(labels.prefix(11)) == (0...10).map { "\($0)" }, "\(axis)")
        let charts = lines.prefix { !$0.contains("Per step") }.joined()
        for letter in ["A", "B", "C", "D"] { #expect(charts.contains(letter), "\(letter) in \(charts)") }
    }

    @Test("l puts the loss charts on a log scale and back")
    func logScaleToggle() throws {
        _ = try TestData.omniglot()
        let (linear, _) = Self.frame(keys: Array("   "))
        let (log, state) = Self.frame(keys: Array("   l"))
        #expect(state.inner.logScale)
        #expect(log.plainText().contains("log scale"))
        #expect(log.plainText() != linear.plainText())
        let (back, again) = Self.frame(keys: Array("   ll"))
        #expect(!again.inner.logScale)
        #expect(back.plainText() == linear.plainText())
    }

    @Test("the table has the numbers of every step taken, and none of the steps to come")
    func stepTable() throws {
        _ = try TestData.omniglot()
        let (frame, state) = Self.frame(width: 160, height: 48, keys: Array("   "))
        let result = try #require(state.inner.result)
        let row = try #require(Self.lines(frame).first { $0.contains("A query") })
        // The table is the left panel: "A query    1.721 1.428 1.102 1.005", then blanks.
        let cells = (row.split(separator: "│").first ?? "").split(separator: " ").dropFirst(2)
        #expect(cells.count == 4, "steps 0 to 3: \(row)")
        let first = try #require(cells.first.flatMap { Float($0) })
        #expect(abs(first - result.tasks[0].queryLosses[0]) < 0.001)
    }

    @Test("the query drawings carry the class given and its probability, which change with the steps")
    func queryVerdictsFollowTheSteps() throws {
        _ = try TestData.omniglot()
        let captions = { (frame: Buffer) in
            Self.lines(frame).filter { $0.contains("is 1") || $0.contains("✓") || $0.contains("✗") }.map {
                String($0.split(separator: "│").last ?? "")
            }
        }
        let (start, _) = Self.frame(width: 160, height: 48, keys: [])
        let (later, state) = Self.frame(width: 160, height: 48, keys: Array("   "))
        #expect(start.plainText().contains("Task A queries at step 0"))
        #expect(later.plainText().contains("Task A queries at step 3"))
        let verdicts = captions(later).filter { $0.contains("0.") || $0.contains("1.00") }
        #expect(!verdicts.isEmpty, "\(later.plainText())")
        #expect(captions(start) != captions(later))
        let (other, _) = Self.frame(width: 160, height: 48, keys: Array("   t"))
        #expect(other.plainText().contains("Task B queries at step 3"))
        #expect(state.inner.result?.tasks[0].queryDrawings.count == state.inner.result?.tasks[0].labels.count)
    }

    @Test("l and t are in the help and the status bar of the Inner loop screen")
    func keysDocumented() {
        let hints = KeyMap.hints(for: .inner, charset: .unicode)
        #expect(hints.contains(KeyHint("l", "log")), "\(hints)")
        #expect(hints.contains(KeyHint("t", "task")), "\(hints)")
        let help = KeyMap.helpRows(for: .inner, charset: .unicode).screen
        #expect(help.contains { $0.0 == "l" && $0.1.contains("log or linear scale") })
        #expect(help.contains { $0.0 == "t" && $0.1.contains("next task") })
    }
}
