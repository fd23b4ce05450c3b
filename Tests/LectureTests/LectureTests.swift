import ExplorerApp
import FewShot
import Foundation
import Lecture
import TerminalUI
import TestSupport
import Testing

/// The lecture: its file format, every built-in step at 100x30, presenter keys, the pad's PNGs
/// and recordings.
@Suite("Lecture", .serialized)
struct LectureTests {
    static let builtInPath = TestData.packageRoot.appendingPathComponent("assets/lectures/meta-learning.lecture").path
    static let runner = Locked(InlineRunner(engine: ExplorerEngine(options: Fixture.options)))
    static let noResults = ResultsTable.load(directory: nil)

    @Test("the built-in lecture parses into 12 to 20 steps")
    func builtIn() throws {
        let lecture = try LectureParser.load(path: Self.builtInPath)
        #expect((12...20).contains(lecture.steps.count))
        #expect(lecture.steps.allSatisfy { !$0.caption.isEmpty })
    }

    @Test("a teacher's file is parsed")
    func teacherFile() throws {
        let text = """
            # my lecture
            title: Week 3
            == Five ways
            screen: episode
            seed: 3
            ways: 5
            shots: 2
            glyphs: blocks
            > One example each: φ = θ − α∇L.

            == A diagram
            screen: slide
            |   a ──▶ b
            > Σ over tasks.
            """
        let lecture = try LectureParser.parse(text)
        #expect(lecture.title == "Week 3")
        #expect(lecture.steps.count == 2)
        #expect(lecture.steps[0].figure == .screen(.episode))
        #expect(lecture.steps[0].settings.ways == 5 && lecture.steps[0].settings.shots == 2 && lecture.steps[0].settings.seed == 3)
        #expect(lecture.steps[0].settings.glyphs == .blocks)
        #expect(lecture.steps[1].diagram == ["  a ──▶ b"])
        #expect(LectureText.render(lecture.steps[0].caption[0], charset: .ascii) == "One example each: phi = theta - alphagrad L.")
    }

    @Test(
        "an invalid file is rejected with its line",
        arguments: [
            ("== A\nscreen: episodes\n", 2, "unknown screen"),
            ("== A\nscreen: sine\nways: 99\n", 3, "ways"),
            ("seed: 4\n== A\n", 1, "before the first step"),
            ("== A\nscreen: sine\nthis is not a statement\n", 3, "expected"),
            ("# nothing\n", 2, "no steps"),
            ("== A\nscreen: sine\n| diagram\n", 1, "diagram")
        ])
    func invalid(text: String, line: Int, fragment: String) {
        do {
            _ = try LectureParser.parse(text, source: "bad.lecture")
            Issue.record("accepted an invalid lecture")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.description.hasPrefix("bad.lecture:\(line):"), "\(error)")
            #expect(error.message.contains(fragment), "\(error)")
        }
    }

    @Test("every built-in step at 100x30")
    func snapshots() throws {
        _ = try TestData.omniglot()
        let lecture = try LectureParser.load(path: Self.builtInPath)
        let frames = Self.runner.withLock { LectureRenderer.renderAll(lecture, width: 100, height: 30, results: Self.noResults, runner: $0) }
        for (index, frame) in frames.enumerated() {
            assertSnapshot(frame, named: String(format: "lecture-%02d", index + 1))
        }
    }

    @Test("presenter keys: next, back, jump, home, end, hide, zoom, quit")
    func presenterKeys() throws {
        let lecture = try LectureParser.load(path: Self.builtInPath)
        var state = LectureState(lecture: lecture)
        func press(_ key: Key) { if let a = LectureKeys.action(for: .key(key), in: state) { _ = updateLecture(&state, a) } }
        press(.right); #expect(state.index == 1)
        press(.char(" ")); #expect(state.index == 2)
        press(.left); #expect(state.index == 1)
        press(.char("1")); press(.char("2")); #expect(state.index == 11, "12 cannot grow into another step number")
        press(.char("1")); press(.enter); #expect(state.index == 0, "digits then Enter")
        press(.char("9")); #expect(state.index == 8, "a digit no longer number starts with jumps at once")
        press(.end); #expect(state.index == lecture.steps.count - 1)
        press(.home); #expect(state.index == 0)
        press(.char("h")); #expect(state.hideChrome)
        press(.char("z")); press(.char("z")); #expect(state.zoom == 3)
        press(.char("Z")); #expect(state.zoom == 2)
        press(.char("q")); #expect(state.shouldQuit)
    }

    @Test("hidden chrome, zoom, projector and ASCII frames draw")
    func presentation() throws {
        let lecture = try LectureParser.load(path: Self.builtInPath)
        // Found by title, so steps added before it do not move what this test looks at.
        let step = try #require(lecture.steps.firstIndex { $0.title == "MAML: an inner loop" })
        let loop = Self.runner.withLock { LectureRenderer.makeLoop(lecture, step: step, width: 100, height: 30, results: Self.noResults, runner: $0) }
        let text = loop.terminal.lastFrame.plainText()
        #expect(text.contains("\(step + 1)/\(lecture.steps.count)"))
        loop.iterate(with: .key(.char("h")))
        #expect(!loop.terminal.lastFrame.plainText().contains("\(step + 1)/\(lecture.steps.count)"))
        #expect(loop.terminal.lastFrame.plainText().contains("MAML learns an initialization"))
        loop.iterate(with: .key(.char("z")))
        loop.iterate(with: .key(.char("t")))
        #expect(loop.state.zoom == 2 && loop.state.theme == .projector)
        let ascii = Self.runner.withLock { LectureRenderer.makeLoop(lecture, step: step, charset: .ascii, results: Self.noResults, runner: $0) }
        let asciiText = ascii.terminal.lastFrame.plainText()
        #expect(asciiText.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(ascii.terminal.lastFrame.plainText().contains("theta - alpha"))
    }

    @Test("the drawing pad's PNG round trip")
    func pngRoundTrip() throws {
        var pad = DrawingPad()
        pad.stroke(from: 20, 20, to: 80, 70)
        pad.apply(.togglePen)
        pad.apply(.move(dx: 5, dy: 0))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("episcope-pad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = DrawingFiles(directory: folder)
        #expect(files.save(pad) == "saved drawing-1.png")
        let data = try Data(contentsOf: folder.appendingPathComponent("drawing-1.png"))
        let bitmap = try PNGDecoder.decodeInk(data)
        #expect(bitmap.width == 105 && bitmap.height == 105)
        #expect(bitmap.pixels.map { $0 > 0 ? UInt8(1) : 0 } == pad.ink)
        guard case .success(let loaded) = files.loadLatest() else { Issue.record("could not load"); return }
        #expect(loaded.ink == pad.ink)
    }

    @Test("a recording parses as asciicast v2 and replays to the final screen")
    func recording() throws {
        let lecture = try LectureParser.load(path: Self.builtInPath)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("episcope-\(UUID().uuidString).cast").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var tick = 0.0
        let recorder = try AsciicastRecorder(
            path: path, width: 100, height: 30,
            clock: {
                tick += 0.5; return tick
            })
        let backend = TestBackend(width: 100, height: 30)
        var state = LectureState(lecture: lecture)
        state.results = Self.noResults
        let loop = Self.runner.withLock { runner -> LectureLoop<TestBackend> in
            let loop = LectureLoop(terminal: Terminal(backend: backend), state: state, runner: runner, recorder: recorder, clock: { 0 })
            for action in runner.resourceActions { loop.dispatch(.app(action)) }
            for key in [Key.right, .right, .left, .char("4"), .char("h")] { loop.iterate(with: .key(key)) }
            return loop
        }
        recorder.close()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2 && header["width"] as? Int == 100 && header["height"] as? Int == 30)
        #expect(header["timestamp"] != nil && header["env"] != nil)
        var screen = AnsiScreen(width: 100, height: 30)
        var last = -1.0
        for line in lines.dropFirst() {
            let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            let time = try #require(event[0] as? Double)
            #expect(time >= last && event[1] as? String == "o")
            last = time
            screen.feed(try #require(event[2] as? String))
        }
        #expect(lines.count > 3)
        #expect(screen.text() == loop.terminal.lastFrame.plainText())
    }
}
