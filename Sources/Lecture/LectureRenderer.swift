import ExplorerApp
import FewShot
import Foundation
import TerminalUI

/// Draws lecture steps without a terminal: the engine runs inline until each step's screen has
/// what it needs. `episcope lecture --export`, the snapshot tests and the recordings use it.
public enum LectureRenderer {
    /// A settled loop over an in-memory terminal, on step `index` (0-based).
    public static func makeLoop(
        _ lecture: Lecture, step index: Int = 0, width: Int = 100, height: Int = 30, charset: Charset = .unicode,
        theme: LectureTheme = .standard, results: ResultsTable, runner: InlineRunner
    ) -> LectureLoop<TestBackend> {
        let backend = TestBackend(width: width, height: height, supportsUnicode: charset == .unicode)
        let terminal = Terminal(backend: backend, charset: charset)
        var state = LectureState(lecture: lecture, width: width, height: height, theme: theme)
        state.results = results
        // A frozen clock: nothing animates by itself, so a frame never depends on timing.
        let loop = LectureLoop(terminal: terminal, state: state, runner: runner, clock: { 0 })
        for action in runner.resourceActions { loop.dispatch(.app(action)) }
        if index > 0 { loop.dispatch(.jump(index + 1)) }
        loop.settle()
        return loop
    }

    /// Every step of `lecture`, each as a buffer.
    public static func renderAll(
        _ lecture: Lecture, width: Int, height: Int, charset: Charset = .unicode, theme: LectureTheme = .standard,
        results: ResultsTable, runner: InlineRunner
    ) -> [Buffer] {
        let loop = makeLoop(lecture, width: width, height: height, charset: charset, theme: theme, results: results, runner: runner)
        var frames = [loop.terminal.lastFrame]
        for number in lecture.steps.indices.dropFirst() {
            loop.dispatch(.jump(number + 1))
            loop.settle()
            frames.append(loop.terminal.lastFrame)
        }
        return frames
    }

    /// Writes `NN-name.txt` (plain) and `NN-name.ans` (ANSI colours) per step into `directory`.
    public static func export(_ frames: [Buffer], lecture: Lecture, to directory: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var written: [URL] = []
        for (index, frame) in frames.enumerated() {
            let base = String(format: "%02d-", index + 1) + slug(lecture.steps[index].title)
            let plain = directory.appendingPathComponent(base + ".txt"), ansi = directory.appendingPathComponent(base + ".ans")
            try AtomicFile.write(Data((frame.plainText() + "\n").utf8), to: plain)
            try AtomicFile.write(Data((frame.ansiText() + "\n").utf8), to: ansi)
            written += [plain, ansi]
        }
        return written
    }

    /// A file-name-safe form of a step title.
    static func slug(_ title: String) -> String {
        let words = title.lowercased().unicodeScalars.map { ($0.isASCII && CharacterSet.alphanumerics.contains($0)) ? Character($0) : "-" }
        return String(words).split(separator: "-").prefix(6).joined(separator: "-")
    }
}

/// Where the built-in lecture lives: `assets/lectures/` in the current folder or above the executable.
public enum LectureFiles {
    /// The built-in lecture's file name.
    public static let builtIn = "meta-learning.lecture"

    /// The path of the built-in lecture, if found: `EPISCOPE_LECTURES`, else found upwards from
    /// the current folder or the executable's (``ProjectFolders``).
    public static func builtInPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let explicit = environment["EPISCOPE_LECTURES"], !explicit.isEmpty {
            let path = URL(fileURLWithPath: explicit).appendingPathComponent(builtIn).path
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return ProjectFolders.findUpwards("assets/lectures/" + builtIn)?.path
    }

    /// The models folder to read results from, as the explorer finds it.
    public static func modelsDirectory(_ options: EngineOptions) -> URL? {
        guard options.useShippedModels else { return nil }
        return options.modelsDirectory ?? ShippedModels.directory()
    }
}
