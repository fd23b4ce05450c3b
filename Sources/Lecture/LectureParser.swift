import ExplorerApp
import FewShot
import Foundation
import TerminalUI

/// Reads the lecture format, a plain text file a teacher can write by hand:
///
///     # a comment            (anywhere; blank lines are ignored)
///     title: Meta-learning   (once, before the first step)
///     == Step title          (starts a step)
///     screen: episode        (episode, prototypes, inner, sine, training, compare, memory, slide, results or directions)
///     seed: 7                (and other settings, `key: value`, see `StepSettings`)
///     > Caption paragraph, Unicode mathematics welcome: φ = θ − α ∇L.
///     | a diagram line, kept verbatim (slides)
///
/// Any mistake is reported with its line number; a file never crashes the player.
public enum LectureParser {
    /// Parses `text`; `source` names the file in error messages.
    public static func parse(_ text: String, source: String = "lecture") throws(LectureError) -> Lecture {
        var title = "Lecture"
        var steps: [LectureStep] = []
        var seenKeys = Set<String>()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, rawLine) in lines.enumerated() {
            let number = offset + 1
            let fail = { (message: String) -> LectureError in LectureError(source: source, line: number, message: message) }
            var line = String(rawLine)
            if line.hasSuffix("\r") { line.removeLast() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("==") {
                let name = trimmed.dropFirst(2).trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else { throw fail("a step needs a title after '=='") }
                var step = LectureStep(title: name)
                step.line = number
                steps.append(step)
                seenKeys = []
                continue
            }
            if trimmed.hasPrefix(">") || trimmed.hasPrefix("|") {
                guard !steps.isEmpty else { throw fail("caption or diagram line before the first step ('== Title')") }
                if trimmed.hasPrefix(">") {
                    steps[steps.count - 1].caption.append(trimmed.dropFirst().trimmingCharacters(in: .whitespaces))
                } else {
                    // Keep the diagram's own indentation: only the marker and one space go.
                    var body = Substring(line.drop { $0 == " " || $0 == "\t" }.dropFirst())
                    if body.first == " " { body = body.dropFirst() }
                    steps[steps.count - 1].diagram.append(String(body))
                }
                continue
            }
            guard let colon = trimmed.firstIndex(of: ":") else {
                throw fail("expected '== Title', 'key: value', '> caption' or '| diagram', got '\(trimmed.prefix(40))'")
            }
            let key = trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if key == "title" && steps.isEmpty {
                guard !value.isEmpty else { throw fail("'title:' needs a value") }
                title = value
                continue
            }
            guard !steps.isEmpty else { throw fail("setting '\(key)' before the first step ('== Title')") }
            guard seenKeys.insert(key).inserted else { throw fail("'\(key)' is set twice in this step") }
            do {
                try apply(key: key, value: value, to: &steps[steps.count - 1])
            } catch let message as SettingError {
                throw fail(message.text)
            } catch {
                throw fail("\(error)")
            }
        }
        guard !steps.isEmpty else { throw LectureError(source: source, line: max(1, lines.count), message: "no steps: start one with '== Title'") }
        for step in steps where !step.diagram.isEmpty && step.figure != .slide {
            throw LectureError(source: source, line: step.line, message: "diagram lines ('|') need 'screen: slide', not \(step.figure.name)")
        }
        return Lecture(title: title, steps: steps)
    }

    /// Reads and parses the file at `path`.
    public static func load(path: String) throws(LectureError) -> Lecture {
        let name = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LectureError(source: name, line: 0, message: "cannot read \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LectureError(source: name, line: 0, message: "not UTF-8 text")
        }
        return try parse(text, source: name)
    }

    private struct SettingError: Error { var text: String }

    private static func apply(key: String, value: String, to step: inout LectureStep) throws {
        func integer(_ range: ClosedRange<Int>) throws -> Int {
            guard let n = Int(value), range.contains(n) else {
                throw SettingError(text: "'\(key)' wants a whole number from \(range.lowerBound) to \(range.upperBound), got '\(value)'")
            }
            return n
        }
        func flag() throws -> Bool {
            switch value.lowercased() {
            case "on", "yes", "true": return true
            case "off", "no", "false": return false
            default: throw SettingError(text: "'\(key)' wants on or off, got '\(value)'")
            }
        }
        var s = step.settings
        switch key {
        case "screen":
            guard let figure = LectureFigure(name: value) else {
                throw SettingError(text: "unknown screen '\(value)'; use one of \(LectureFigure.allNames.joined(separator: ", "))")
            }
            step.figure = figure
        case "seed":
            guard let seed = UInt64(value) else { throw SettingError(text: "'seed' wants a non-negative whole number, got '\(value)'") }
            s.seed = seed
        case "glyphs":
            guard let glyphs = GlyphStyle(rawValue: value.lowercased()) else {
                throw SettingError(text: "'glyphs' wants ascii, blocks or braille, got '\(value)'")
            }
            s.glyphs = glyphs
        case "ways": s.ways = try integer(EpisodeState.waysRange.lowerBound...EpisodeState.waysRange.upperBound)
        case "shots": s.shots = try integer(1...SineState.poolSize)
        case "episode": s.episode = try integer(0...1_000_000)
        case "alphabet":
            switch value.lowercased() {
            case "within", "one", "same": s.withinAlphabet = true
            case "any", "all", "mixed": s.withinAlphabet = false
            default: throw SettingError(text: "'alphabet' wants within or any, got '\(value)'")
            }
        case "select": s.select = try integer(0...100)
        case "zoom": s.zoom = try flag()
        case "disagree": s.disagree = try flag()
        case "alpha":
            guard let alpha = Float(value), alpha > 0, alpha.isFinite else {
                throw SettingError(text: "'alpha' wants a positive number such as 0.01, got '\(value)'")
            }
            s.alpha = alpha
        // Inner steps on the sine and inner-loop screens (at most 10), a sequence's steps on the
        // memory screen.
        case "steps": s.steps = try integer(0...100)
        case "baseline": s.baseline = try flag()
        case "task": s.task = try integer(0...1_000_000)
        case "batch": s.batch = try integer(0...1_000_000)
        case "algorithm":
            let names = ["maml", "fomaml", "reptile", "protonet", "pretrained"]
            guard names.contains(value.lowercased()) else {
                throw SettingError(text: "'algorithm' wants one of \(names.joined(separator: ", ")), got '\(value)'")
            }
            s.algorithm = value.lowercased()
        case "dataset":
            guard ["sine", "omniglot"].contains(value.lowercased()) else {
                throw SettingError(text: "'dataset' wants sine or omniglot, got '\(value)'")
            }
            s.dataset = value.lowercased()
        case "preset":
            guard let preset = TrainingPreset(rawValue: value.lowercased()) else {
                throw SettingError(text: "'preset' wants one of \(TrainingPreset.allCases.map(\.rawValue).joined(separator: ", ")), got '\(value)'")
            }
            // The Training screen opens on MAML and sine unless the step says otherwise above.
            let algorithm = s.algorithm.flatMap(Algorithm.init(rawValue:)) ?? .maml
            let dataset = s.dataset.flatMap(DatasetKind.init(rawValue:)) ?? .sine
            guard preset.isDefined(for: algorithm, on: dataset) else {
                throw SettingError(
                    text:
                        "preset \(preset.rawValue) has no schedule for \(algorithm.rawValue) on \(dataset.rawValue) (set algorithm and dataset before it)"
                )
            }
            s.preset = preset.rawValue
        default:
            throw SettingError(
                text: "unknown setting '\(key)'; known: screen, seed, glyphs, ways, shots, episode, alphabet, select, zoom, disagree, "
                    + "alpha, steps, baseline, task, batch, algorithm, dataset, preset")
        }
        step.settings = s
    }
}

/// A lecture file that cannot be played, and where.
public struct LectureError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's name.
    public var source: String
    /// 1-based; 0 when the file could not be read at all.
    public var line: Int
    public var message: String

    public var description: String { line > 0 ? "\(source):\(line): \(message)" : "\(source): \(message)" }
}
