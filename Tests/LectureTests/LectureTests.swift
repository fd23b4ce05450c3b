import ExplorerApp
import FewShot
import Foundation
import TerminalUI
import TestSupport
import Testing

@testable import Lecture

/// The lecture: its file format, every built-in step at 100x30, presenter keys, the pad's PNGs
/// and recordings.
@Suite("Lecture", .serialized)
struct LectureTests {
    static let builtInPath = TestData.packageRoot.appendingPathComponent("assets/lectures/meta-learning.lecture").path
    static let runner = Locked(InlineRunner(engine: ExplorerEngine(options: Fixture.options)))
    static let noResults = ResultsTable.load(directory: nil)

    @Test("the built-in lecture parses into a 90-minute class of 25 to 45 steps")
    func builtIn() throws {
        let lecture = try LectureParser.load(path: Self.builtInPath)
        #expect((25...45).contains(lecture.steps.count))
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
        // Named by title, so a step added to the file adds one snapshot rather than renaming the rest.
        for (step, frame) in zip(lecture.steps, frames) {
            assertSnapshot(frame, named: "lecture-" + LectureRenderer.slug(step.title))
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
        press(.char("1")); press(.char("2")); #expect(state.index == 1, "digits wait for Enter")
        press(.enter); #expect(state.index == 11, "1 2 Enter lands on step 12")
        press(.char("1")); press(.enter); #expect(state.index == 0, "digits then Enter")
        press(.char("7")); press(.enter); #expect(state.index == 6, "7 Enter lands on step 7, not 8")
        press(.char("9")); press(.escape); press(.enter); #expect(state.index == 7, "Esc drops the number; Enter is next")
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
        let maml = try #require(lecture.steps.firstIndex { $0.title == "MAML: an inner loop" })
        let number = "\(maml + 1)/\(lecture.steps.count)"
        let loop = Self.runner.withLock { LectureRenderer.makeLoop(lecture, step: maml, width: 100, height: 30, results: Self.noResults, runner: $0) }
        let text = loop.terminal.lastFrame.plainText()
        #expect(text.contains(number))
        loop.iterate(with: .key(.char("h")))
        #expect(!loop.terminal.lastFrame.plainText().contains(number))
        #expect(loop.terminal.lastFrame.plainText().contains("MAML learns an initialization"))
        loop.iterate(with: .key(.char("z")))
        loop.iterate(with: .key(.char("t")))
        #expect(loop.state.zoom == 2 && loop.state.theme == .projector)
        let ascii = Self.runner.withLock { LectureRenderer.makeLoop(lecture, step: maml, charset: .ascii, results: Self.noResults, runner: $0) }
        let asciiText = ascii.terminal.lastFrame.plainText()
        #expect(asciiText.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(ascii.terminal.lastFrame.plainText().contains("theta - alpha"))
    }

    @Test("the status bar keeps ? help and q quit at 80x24")
    func statusBarAt80x24() throws {
        _ = try TestData.omniglot()
        let lecture = try LectureParser.load(path: Self.builtInPath)
        let frames = Self.runner.withLock { LectureRenderer.renderAll(lecture, width: 80, height: 24, results: Self.noResults, runner: $0) }
        for (index, frame) in frames.enumerated() {
            let status = frame.plainText().split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
            #expect(status.contains("? help") && status.contains("q quit"), "step \(index + 1): \(status)")
        }
    }

    @Test("the ? help shows every line whole at 160x48 and wraps rather than cuts at 80x24")
    func helpFits() throws {
        let lecture = try LectureParser.load(path: Self.builtInPath)
        let loop = Self.runner.withLock { LectureRenderer.makeLoop(lecture, width: 160, height: 48, results: Self.noResults, runner: $0) }
        loop.iterate(with: .key(.char("?")))
        #expect(loop.terminal.lastFrame.plainText().contains("drawing pad (episode steps): the room draws, the model classifies; s saves it"))
        for (width, height) in [(160, 48), (80, 24)] {
            // On a blank screen, so only the overlay's words are read.
            var buffer = Buffer(width: width, height: height)
            LectureHelp.render(into: &buffer, area: buffer.area)
            let text = buffer.plainText()
            // Words of each help row, in order, wherever the row wraps.
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "│" }).map(String.init)
            for (_, help) in LectureHelp.rows {
                let expected = help.split(separator: " ").map(String.init)
                let found = words.indices.contains { start in Array(words.dropFirst(start).prefix(expected.count)) == expected }
                #expect(found, "\(width)x\(height): \"\(help)\" is not shown whole")
            }
        }
    }

    @Test("zoom draws a small layout larger: text single width, borders single lines, drawings drawn again, braille dot by dot")
    func zoomDrawsLarger() {
        var small = Buffer(width: 30, height: 10)
        small.placedGlyphs = []
        Block(title: "Squared").render(into: &small, area: Rect(x: 0, y: 0, width: 30, height: 10))
        var ink = [Float](repeating: 0, count: 20 * 20)
        for i in 0..<20 { ink[i * 20 + i] = 1; ink[i * 20 + 10] = 1 }
        let glyph = GlyphView(pixels: ink, width: 20, height: 20, mode: .braille)
        glyph.render(into: &small, area: Rect(x: 1, y: 1, width: 10, height: 5))
        small.set(x: 20, y: 3, string: "⠁")
        small.set(x: 1, y: 8, string: "q1")
        var big = Buffer(width: 60, height: 20)
        FigureZoom.draw(small, factor: 2, into: &big, at: big.area)
        let text = big.plainText()
        #expect(text.hasPrefix("╭─") && text.contains("─ Squared ─"), "a title stays a word on a border that goes on:\n\(text)")
        #expect(!text.contains("S q u a r e d") && !text.contains("SS"), "\(text)")
        #expect(big[0, 1].scalar == "│" && big[1, 1].scalar == " ", "borders reach down as single lines")
        #expect(big[58, 0].scalar == "╮" && big[59, 0].scalar == " ")
        // The drawing: drawn again at twice the size, not its cells repeated.
        let placed = small.placedGlyphs?.first
        #expect(placed != nil)
        if let placed {
            var expected = Buffer(width: 60, height: 20)
            let target = Rect(x: placed.area.x * 2, y: placed.area.y * 2, width: placed.area.width * 2, height: placed.area.height * 2)
            glyph.render(into: &expected, area: target)
            for y in target.y..<target.bottom {
                for x in target.x..<target.right { #expect(big[x, y] == expected[x, y], "drawing cell \(x),\(y)") }
            }
        }
        #expect(big[2, 16].scalar == "q" && big[3, 16].scalar == "1" && big[4, 16].scalar == " ", "text beside a border is not ruled off")
        // One braille dot becomes a square of four dots, not four dots spread over four cells.
        #expect(big[40, 6].scalar == "⠛" && big[41, 6].scalar == " " && big[40, 7].scalar == " ")
    }

    @Test("a zoomed episode step at 160x48 keeps its words whole")
    func zoomedStep() throws {
        _ = try TestData.omniglot()
        let lecture = try LectureParser.load(path: Self.builtInPath)
        let index = try #require(lecture.steps.firstIndex { $0.figure == .screen(.episode) })
        let loop = Self.runner.withLock {
            LectureRenderer.makeLoop(lecture, step: index, width: 160, height: 48, results: Self.noResults, runner: $0)
        }
        loop.iterate(with: .key(.char("z")))
        #expect(loop.state.zoom == 2)
        let text = loop.terminal.lastFrame.plainText()
        #expect(text.contains("Support set") && text.contains("Queries"), "\(text)")
        #expect(!text.contains("S u p p o r t") && !text.contains("Q u e r i e s"), "\(text)")
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
        #expect(files.save(pad) == "saved drawing-1.png in \(folder.path)", "the status line says where")
        let data = try Data(contentsOf: folder.appendingPathComponent("drawing-1.png"))
        let bitmap = try PNGDecoder.decodeInk(data)
        #expect(bitmap.width == 105 && bitmap.height == 105)
        #expect(bitmap.pixels.map { $0 > 0 ? UInt8(1) : 0 } == pad.ink)
        guard case .success(let loaded) = files.loadLatest() else { Issue.record("could not load"); return }
        #expect(loaded.ink == pad.ink)
    }

    /// A recording of the built-in lecture on a test terminal: `script` drives the loop; returns
    /// the file's lines and the loop's last frame.
    func record(
        width: Int = 100, height: Int = 30, _ script: (LectureLoop<TestBackend>, TestBackend) -> Void
    ) throws -> (lines: [Substring], frame: Buffer) {
        let lecture = try LectureParser.load(path: Self.builtInPath)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("episcope-\(UUID().uuidString).cast").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var tick = 0.0
        let recorder = try AsciicastRecorder(
            path: path, width: width, height: height,
            clock: {
                tick += 0.5; return tick
            })
        let backend = TestBackend(width: width, height: height)
        var state = LectureState(lecture: lecture, width: width, height: height)
        state.results = Self.noResults
        let frame = Self.runner.withLock { runner -> Buffer in
            let loop = LectureLoop(terminal: Terminal(backend: backend), state: state, runner: runner, recorder: recorder, clock: { 0 })
            for action in runner.resourceActions { loop.dispatch(.app(action)) }
            script(loop, backend)
            return loop.terminal.lastFrame
        }
        recorder.close()
        return (try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n"), frame)
    }

    /// Plays a recording's events on a virtual terminal of the header's size; returns its screen.
    func replay(_ lines: [Substring]) throws -> AnsiScreen {
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        var screen = AnsiScreen(width: try #require(header["width"] as? Int), height: try #require(header["height"] as? Int))
        var last = -1.0
        for line in lines.dropFirst() {
            let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            let time = try #require(event[0] as? Double)
            #expect(time >= last)
            last = time
            let data = try #require(event[2] as? String)
            switch event[1] as? String {
            case "o": screen.feed(data)
            case "r":
                let size = data.split(separator: "x").compactMap { Int($0) }
                try #require(size.count == 2)
                screen.resize(width: size[0], height: size[1])
            default: Issue.record("unknown event \(event)")
            }
        }
        return screen
    }

    @Test("drawings go to the data folder by default, never the current folder; a missing folder is created")
    func drawingsFolder() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("episcope-home-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let folder = DrawingFiles.defaultDirectory(environment: ["XDG_DATA_HOME": home.path])
        #expect(folder.path == home.appendingPathComponent("episcope/drawings").path)
        #expect(DrawingFiles.defaultDirectory().path != FileManager.default.currentDirectoryPath)
        var pad = DrawingPad()
        pad.stroke(from: 10, 10, to: 90, 90)
        #expect(DrawingFiles(directory: folder).save(pad) == "saved drawing-1.png in \(folder.path)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("drawing-1.png").path))
    }

    @Test("a recording parses as asciicast v2 and replays to the final screen")
    func recording() throws {
        let (lines, frame) = try record { loop, _ in
            for key in [Key.right, .right, .left, .char("4"), .enter, .char("h")] { loop.iterate(with: .key(key)) }
        }
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2 && header["width"] as? Int == 100 && header["height"] as? Int == 30)
        #expect(header["timestamp"] != nil && header["env"] != nil)
        #expect(lines.count > 3)
        #expect(try replay(lines).text() == frame.plainText())
    }

    @Test("a resize is recorded as an r event and replays to the resized final screen")
    func recordingResize() throws {
        let (lines, frame) = try record { loop, backend in
            loop.iterate(with: .key(.right))
            backend.resize(width: 80, height: 24)
            loop.iterate(with: .resize(width: 80, height: 24))
            loop.iterate(with: .key(.right))
        }
        #expect(lines.contains { $0.contains("\"r\",\"80x24\"") }, "no resize event")
        #expect(frame.width == 80 && frame.height == 24)
        let screen = try replay(lines)
        #expect(screen.width == 80 && screen.height == 24)
        #expect(screen.text() == frame.plainText())
    }

    @Test("a recording writes what changed: a small change costs a small event, not a whole frame")
    func recordingSize() throws {
        let (lines, frame) = try record(width: 160, height: 48) { loop, _ in
            loop.iterate(with: .key(.right))
            loop.settle()
            // Each digit only changes the status line.
            for digit in ["1", "2", "1"] { loop.iterate(with: .key(.char(Character(digit)))) }
            loop.iterate(with: .key(.escape))
        }
        let events = lines.dropFirst()
        let whole = frame.ansiText().utf8.count
        let digitEvents = events.suffix(4)
        #expect(whole > 5000)
        for event in digitEvents { #expect(event.utf8.count < 600, "\(event.utf8.count) bytes for a status-line change") }
        #expect(try replay(lines).text() == frame.plainText())
    }
}
