import ExplorerApp
import Foundation
import TerminalUI
import TestSupport
import Testing

/// The explorer defects of issue 12, each as the keys that showed it and what must hold now.
@Suite("Screen defects of issue 12", .serialized)
struct ScreenDefectTests {
    static let sizes = [(160, 48), (100, 30), (80, 24)]

    /// The frame after pressing `keys` on `screen` (the engine answering in between).
    static func frame(_ screen: ScreenID, width: Int, height: Int, keys: [Character]) -> Buffer {
        Fixture.withLoop(screen, width: width, height: height) { loop -> Buffer in
            for key in keys {
                loop.iterate(with: .key(.char(key)))
                loop.settle()
            }
            return loop.terminal.lastFrame
        }
    }

    /// The text inside the left (`panel` 0) or right (1) of two panels side by side, line by
    /// line: either side of the border where they meet ("││", or "│╭" and "│╰" where a right
    /// panel starts or ends), outer borders removed.
    static func panel(_ frame: Buffer, _ panel: Int) -> [String] {
        frame.plainText().split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let characters = Array(line)
            guard let meeting = characters.indices.dropLast().first(where: { characters[$0] == "│" && "│╭╰".contains(characters[$0 + 1]) })
            else { return "" }
            let side = panel == 0 ? characters[..<meeting].dropFirst() : characters[(meeting + 2)...].dropLast()
            return String(side)
        }
    }

    @Test("prototypes, 10 ways: every distance of every row shows, with gaps between", arguments: sizes)
    func distancesKeepGaps(width: Int, height: Int) throws {
        _ = try TestData.omniglot()
        let frame = Self.frame(.prototypes, width: width, height: height, keys: Array("+++++"))
        let rows = Self.panel(frame, 0).filter { $0.hasPrefix("q") }
        #expect(!rows.isEmpty, "\(frame.plainText())")
        for row in rows {
            // "q3 ✓  24.5  26.0 ...": the label's two words, then one number per class.
            let numbers = row.split(separator: " ").dropFirst(2)
            #expect(numbers.count == 10, "\(width)x\(height): \(row)")
            #expect(numbers.allSatisfy { Float($0) != nil }, "\(width)x\(height): \(row)")
        }
    }

    @Test("episode, one alphabet: each class's character and rotation are written out in full", arguments: sizes)
    func withinAlphabetLabels(width: Int, height: Int) throws {
        _ = try TestData.omniglot()
        let loopFrame = Fixture.withLoop(.episode, width: width, height: height) { loop -> (Buffer, EpisodeView?) in
            loop.iterate(with: .key(.char("w")))
            loop.settle()
            return (loop.terminal.lastFrame, loop.state.episode.view)
        }
        let (frame, view) = loopFrame
        let text = Self.panel(frame, 0).joined(separator: "\n")
        let classes = try #require(view?.classes)
        for info in classes {
            let name = info.rotationDegrees == 0 ? "\(info.character)" : "\(info.character) r\(info.rotationDegrees)"
            // Followed by a space or the end of the label: not cut short ("24 r2" for "24 r270").
            #expect(text.contains(name + " ") || text.contains(name + "\n"), "\(width)x\(height): \(name) in\n\(text)")
        }
    }

    @Test("prototypes, one alphabet: the softmax rows name different classes", arguments: sizes)
    func softmaxNamesDiffer(width: Int, height: Int) throws {
        _ = try TestData.omniglot()
        let frame = Self.frame(.prototypes, width: width, height: height, keys: ["w"])
        let lines = Self.panel(frame, 1)
        let start = try #require(lines.firstIndex { $0.contains("Softmax") } ?? lines.indices.first { lines[$0].hasPrefix("1 ") })
        let rows = lines[start...].prefix { !$0.contains("╰") }.filter { $0.first?.isNumber == true }
        #expect(rows.count == 5, "\(rows)")
        // Each row without its bar and value: label text only.
        let names = rows.map { String($0.prefix { !"█▏▎▍▌▋▊▉".contains($0) }).trimmingCharacters(in: .whitespaces).dropFirst(2) }
        #expect(Set(names).count == rows.count, "\(width)x\(height): \(names)")
    }

    @Test("prototypes, 10 ways: the PCA marks class 10 as 10, not 0", arguments: sizes)
    func pcaTenthClass(width: Int, height: Int) throws {
        _ = try TestData.omniglot()
        let frame = Self.frame(.prototypes, width: width, height: height, keys: Array("+++++"))
        let right = Self.panel(frame, 1)
        let top = try #require(right.firstIndex { $0.contains("Embeddings, PCA") })
        // The plot's cells: right of the y axis, above the x axis and its labels.
        let rows = right[(top + 1)...].prefix { !$0.contains("└") }
        let plot = rows.map { String($0.drop { $0 != "┤" && $0 != "│" }.dropFirst()) }.joined(separator: "\n")
        #expect(plot.contains("10"), "\(width)x\(height):\n\(plot)")
    }

    @Test("sine, alpha 0.5, K 16, all steps: columns stay in line and the divergence is named", arguments: sizes)
    func sineDivergence(width: Int, height: Int) throws {
        let keys = Array(">>>>>") + Array(repeating: Character("+"), count: 11) + ["b"] + Array(repeating: Character(" "), count: 10)
        let (frame, curves) = Fixture.withLoop(.sine, width: width, height: height) { loop -> (Buffer, SineCurves?) in
            for key in keys {
                loop.iterate(with: .key(.char(key)))
                loop.settle()
            }
            return (loop.terminal.lastFrame, loop.state.sine.curves)
        }
        let errors = try #require(curves?.adaptedError)
        #expect(errors.contains { !$0.isFinite || $0 > 10 * max(errors[0], 1) }, "the setting must diverge for this test: \(errors)")
        let panel = Self.panel(frame, 1)
        #expect(panel.contains { $0.contains("diverged at step") }, "\(frame.plainText())")
        let table = panel.drop { !$0.contains("MSE MAML") }.dropFirst().prefix { $0.contains(where: \.isNumber) || $0.contains("diverged") }
        #expect(!table.isEmpty)
        for row in table {
            // "> 3   diverged  0.316": the step, then exactly one entry per model, apart.
            let cells = row.replacingOccurrences(of: ">", with: " ").split(separator: " ")
            #expect(cells.count == 3, "\(width)x\(height): \(row)")
            #expect(cells.dropFirst().allSatisfy { $0 == "diverged" || Float($0) != nil }, "\(width)x\(height): \(row)")
        }
    }

    @Test("the first screen says what support, query, the mark and the numbers are", arguments: sizes)
    func onboardingLine(width: Int, height: Int) throws {
        _ = try TestData.omniglot()
        let frame = Fixture.render(.episode, width: width, height: height)
        let line = frame.plainText().split(separator: "\n")[1]
        for word in ["Support", "Quer", "✓", "class", "1-5"] {
            #expect(line.contains(word), "\(width)x\(height): \(line)")
        }
    }

    @Test("episode, 10-way 5-shot: every class is drawn, side by side when the window is short", arguments: sizes)
    func everyClassShown(width: Int, height: Int) throws {
        _ = try TestData.omniglot()
        let frame = Self.frame(.episode, width: width, height: height, keys: Array("+++++]]]]"))
        let support = Self.panel(frame, 0).joined(separator: "\n")
        #expect(!support.contains("more (make the window taller)"), "\(width)x\(height):\n\(support)")
        #expect(support.contains("10 "), "\(width)x\(height):\n\(support)")
    }

    @Test("episode queries: the verdicts of a grid row share one line", arguments: sizes)
    func queryCaptionsAligned(width: Int, height: Int) throws {
        _ = try TestData.omniglot()
        let frame = Fixture.render(.episode, width: width, height: height)
        let captionLines = Self.panel(frame, 1).filter { $0.contains("✓") || $0.contains("✗") }
        // Five queries on a 3 x 2 grid: two caption lines, three and two verdicts.
        #expect(captionLines.count == 2, "\(width)x\(height): \(captionLines)")
    }
}
