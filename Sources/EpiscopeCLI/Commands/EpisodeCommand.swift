import ArgumentParser
import Autodiff
import ExplorerApp
import FewShot
import Foundation
import TerminalUI

/// `episcope episode`: one episode as text art (or JSON).
struct EpisodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "episode",
        abstract: "Show a seeded few-shot episode: the support set, then the queries.")

    enum Dataset: String, ExpressibleByArgument, CaseIterable { case omniglot, sine }

    @Option(help: "omniglot or sine.") var dataset: Dataset = .omniglot
    @Option(help: "Class split: vinyals, lake, small1 or small2.") var split: ClassSplit.Scheme = .vinyals
    @Option(help: "Part of the split: train, val, trainval or test.") var part: ClassSplit.Part = .train
    @Option(parsing: .unconditional, help: "Classes per episode (N).") var ways = 5
    @Option(
        parsing: .unconditional,
        help: "Support drawings per class (K), support points for sine, or drawings per class of a sequence (default 1; sequences 10).")
    var shots: Int?
    @Option(parsing: .unconditional, help: "Query drawings per class, or query points for sine.") var queries = 1
    @Option(parsing: .unconditional, help: "Random seed.") var seed: UInt64 = 0
    @Flag(help: "Take all classes from one alphabet.") var withinAlphabet = false
    @Option(help: "ascii, blocks or braille (ascii when the locale is not UTF-8).") var glyphs: GlyphStyle = .ascii
    @Option(name: .customLong("run"), parsing: .unconditional, help: "Show Lake's run N (1...20) instead of a sampled episode.")
    var runNumber: Int?
    @Flag(
        help:
            "A sequence of Santoro et al.'s task instead: --ways classes with labels assigned at random, --shots drawings of each, shuffled (what MANN and the LSTM read)."
    )
    var sequence = false
    @Flag(help: "Print the episode as JSON.") var json = false
    @Option(
        help: "With --json: a model file whose scores and predictions for the episode are added (sine: its predictions after each fine-tuning step).")
    var checkpoint: String?
    @OptionGroup var dataOptions: DataOptions

    /// Drawings (or points) per class, as given or by default.
    var effectiveShots: Int { shots ?? (sequence ? 10 : 1) }

    func validate() throws {
        try NumericCheck.positive(ways, "--ways")
        try NumericCheck.positive(effectiveShots, "--shots")
        try NumericCheck.positive(queries, "--queries")
        try NumericCheck.within(1...20, runNumber, "--run", why: "Lake has 20 runs")
        if checkpoint != nil && !json { throw ValidationError("--checkpoint adds the model's answers to the JSON output; add --json") }
        if sequence && (dataset == .sine || runNumber != nil || withinAlphabet) {
            throw ValidationError(
                "--sequence draws Omniglot sequences from a split; it does not combine with --dataset sine, --run or --within-alphabet")
        }
        if sequence, effectiveShots > OmniglotDataset.drawingsPerCharacter {
            throw ValidationError(
                "\(EpisodeError.tooManyDrawings(shots: effectiveShots, queries: 0, available: OmniglotDataset.drawingsPerCharacter))")
        }
        let shots = effectiveShots
        if dataset == .omniglot, !sequence, shots + queries > OmniglotDataset.drawingsPerCharacter {
            let error = EpisodeError.tooManyDrawings(shots: shots, queries: queries, available: OmniglotDataset.drawingsPerCharacter)
            throw ValidationError("\(error)")
        }
    }

    func run() throws {
        var generator = SeededGenerator(seed: seed)
        let shots = effectiveShots
        if dataset == .sine {
            let episode = SineTaskFamily().sampleEpisode(shots: shots, queries: queries, using: &generator)
            var output = SineJSON(episode)
            output.model = try checkpoint.map { try ModelAnswerJSON.fineTuning(episode, checkpoint: $0) }
            print(json ? try JSONOutput.pretty(output) + "\n" : SineText.render(episode, seed: seed), terminator: "")
            return
        }
        let location = try dataOptions.location()
        let style = GlyphStyle.effective(glyphs, environment: ProcessInfo.processInfo.environment)
        let omniglot = try reportingFailures { try OmniglotDataset.load(from: location) }
        if let run = runNumber {
            let runs = try reportingFailures { try LakeRuns.load(from: location, matching: omniglot) }
            let chosen = runs.runs[run - 1]
            let title = "Lake's run \(run): 20-way 1-shot, 20 queries" + (chosen.alphabet.map { " (\($0))" } ?? "")
            var output = EpisodeJSON(chosen.episode, paths: nil)
            output.model = try checkpoint.map { try ModelAnswerJSON.classifying(chosen.episode, from: runs, checkpoint: $0) }
            print(
                json
                    ? try JSONOutput.pretty(output) + "\n"
                    : EpisodeText.render(chosen.episode, from: runs, title: title, style: style), terminator: "")
            return
        }
        if sequence {
            try printSequence(omniglot, location: location, using: &generator)
            return
        }
        let episode = try reportingFailures {
            let classSplit = try ClassSplit.load(split, part: part, dataset: omniglot, location: location)
            let sampler = try EpisodeSampler(split: classSplit, ways: ways, shots: shots, queries: queries, withinAlphabet: withinAlphabet)
            return sampler.sample(using: &generator)
        }
        if json {
            var output = EpisodeJSON(episode, paths: omniglot.entryPath(of:))
            output.model = try checkpoint.map { try ModelAnswerJSON.classifying(episode, from: omniglot, checkpoint: $0) }
            print(try JSONOutput.pretty(output))
        } else {
            let title =
                "Omniglot \(split.rawValue)/\(part.rawValue): \(ways)-way \(shots)-shot, \(queries) \(queries == 1 ? "query" : "queries") per class, seed \(seed)"
                + (withinAlphabet ? ", within one alphabet" : "")
            print(EpisodeText.render(episode, from: omniglot, title: title, style: style), terminator: "")
        }
    }
}

/// The JSON form of an Omniglot episode.
private struct EpisodeJSON: Encodable {
    struct Drawing: Encodable { var index: Int32; var rotation: Int; var path: String? }
    struct Class: Encodable { var label: Int; var alphabet: String; var character: Int; var rotation: Int; var support: [Drawing] }
    struct Query: Encodable { var label: Int; var drawing: Drawing }
    var ways: Int, shots: Int
    var classes: [Class]
    var queries: [Query]
    /// The answers of `--checkpoint`'s model, when one is given.
    var model: ModelAnswerJSON?

    init(_ episode: Episode, paths: ((DrawingRef) -> String)?) {
        let drawing = { (ref: DrawingRef) in Drawing(index: ref.index, rotation: ref.rotation.degrees, path: paths?(ref)) }
        ways = episode.ways
        shots = episode.shots
        classes = episode.classes.enumerated().map { label, c in
            Class(
                label: label, alphabet: c.identity.alphabet, character: c.identity.character, rotation: c.identity.rotation.degrees,
                support: c.support.map(drawing))
        }
        queries = zip(episode.queries, episode.queryLabels).map { Query(label: $1, drawing: drawing($0)) }
    }
}

/// The JSON form of a sine episode.
private struct SineJSON: Encodable {
    struct Point: Encodable { var x: Float; var y: Float }
    var amplitude: Float, phase: Float
    var support: [Point], query: [Point]
    /// The fine-tuning of `--checkpoint`'s model, when one is given.
    var model: ModelAnswerJSON?

    init(_ e: SineTaskFamily.Episode) {
        amplitude = e.task.amplitude
        phase = e.task.phase
        support = zip(e.supportX.scalars, e.supportY.scalars).map { Point(x: $0, y: $1) }
        query = zip(e.queryX.scalars, e.queryY.scalars).map { Point(x: $0, y: $1) }
    }
}

/// The text form of a sine episode.
private enum SineText {
    static func render(_ e: SineTaskFamily.Episode, seed: UInt64) -> String {
        var lines = [
            "Sine task (seed \(seed)): y = A sin(x - phase)",
            "  amplitude A = \(format(e.task.amplitude)), phase = \(format(e.task.phase))",
            "", "Support points (\(e.supportX.count))"
        ]
        lines += zip(e.supportX.scalars, e.supportY.scalars).map { "  x = \(format($0))  y = \(format($1))" }
        lines += ["", "Query points (\(e.queryX.count))"]
        lines += zip(e.queryX.scalars, e.queryY.scalars).map { "  x = \(format($0))  y = \(format($1))" }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func format(_ v: Float) -> String { String(format: "%7.3f", Double(v)) }
}
