import Foundation
import TerminalUI
import TestSupport
import Testing

@testable import Lecture

/// The built-in lecture as a class would meet it: every step on a projector (160x48) and on a
/// small terminal (80x24) with its whole caption, every slide's diagram whole, nothing spelled
/// as `?` on ASCII terminals, and the teacher's guide in step with the file.
extension LectureTests {
    static let guidePath = TestData.packageRoot.appendingPathComponent("docs/teaching-guide.md").path

    @Test("every built-in step at 160x48 and 80x24 shows its whole caption, no line cut mid-word, and every diagram line whole")
    func builtInAtClassSizes() throws {
        _ = try TestData.omniglot()
        let lecture = try LectureParser.load(path: Self.builtInPath)
        for (width, height) in [(160, 48), (80, 24)] {
            let frames = Self.runner.withLock {
                LectureRenderer.renderAll(lecture, width: width, height: height, results: Self.noResults, runner: $0)
            }
            #expect(frames.count == lecture.steps.count)
            for (step, frame) in zip(lecture.steps, frames) {
                let rows = frame.plainText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let place = "step '\(step.title)' at \(width)x\(height)"
                // The caption sits between the last full-width rule and the status bar.
                let rule = try #require(rows.lastIndex { $0.count == width && $0.allSatisfy { $0 == "─" } }, "no caption rule, \(place)")
                let shown = Self.words(rows[(rule + 1)..<(rows.count - 1)].joined(separator: " "))
                let written = Self.words(step.caption.joined(separator: " "))
                // Word by word: a caption cut short, or a word broken across two lines, differs here.
                #expect(Array(shown.prefix(written.count)) == written, "caption not shown whole, \(place):\n\(rows.joined(separator: "\n"))")
                for line in step.diagram where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    let text = line.trimmingCharacters(in: .whitespaces)
                    #expect(rows.contains { $0.contains(text) }, "diagram line cut, \(place): '\(text)'")
                }
            }
        }
    }

    @Test("the built-in lecture spells every symbol on an ASCII terminal (no '?' for a missing spelling)")
    func builtInInASCII() throws {
        let lecture = try LectureParser.load(path: Self.builtInPath)
        for step in lecture.steps {
            for text in [step.title] + step.caption + step.diagram {
                let ascii = LectureText.render(text, charset: .ascii)
                #expect(ascii.filter { $0 == "?" }.count == text.filter { $0 == "?" }.count, "'\(text)' reads '\(ascii)' in ASCII")
            }
        }
    }

    @Test("the teacher's guide names every step by number and title, and its timings add up to 90 minutes")
    func guideFollowsTheLecture() throws {
        let lecture = try LectureParser.load(path: Self.builtInPath)
        let guide = try String(contentsOfFile: Self.guidePath, encoding: .utf8)
        // Each step is a heading "### N. Title (M min)", in the lecture's order.
        let headings = guide.split(separator: "\n").filter { $0.hasPrefix("### ") }.map { String($0.dropFirst(4)) }
        let titles = lecture.steps.enumerated().map { "\($0.offset + 1). \($0.element.title)" }
        let named = headings.map { heading in heading.range(of: " (", options: .backwards).map { String(heading[..<$0.lowerBound]) } ?? heading }
        #expect(named == titles, "guide headings differ from the lecture's steps")
        let minutes = headings.compactMap { heading -> Int? in
            guard let open = heading.range(of: " (", options: .backwards), heading.hasSuffix(" min)") else { return nil }
            return Int(heading[open.upperBound...].dropLast(" min)".count))
        }
        #expect(minutes.count == headings.count, "every step heading ends with its time, '(M min)'")
        #expect(minutes.reduce(0, +) == 90, "the steps take \(minutes.reduce(0, +)) minutes")
    }

    @Test("built-in step titles give distinct snapshot and export names")
    func builtInSlugs() throws {
        let lecture = try LectureParser.load(path: Self.builtInPath)
        let slugs = lecture.steps.map { LectureRenderer.slug($0.title) }
        #expect(Set(slugs).count == slugs.count, "\(slugs)")
    }

    /// `text` split into words on any run of spaces.
    static func words(_ text: String) -> [String] { text.split(separator: " ").map(String.init) }
}
