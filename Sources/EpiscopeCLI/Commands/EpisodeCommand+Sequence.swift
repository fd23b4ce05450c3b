import Autodiff
import FewShot
import Foundation

extension EpisodeCommand {
    /// `episode --sequence`: one sequence of Santoro et al.'s task from the split, as text or
    /// JSON (with `--checkpoint`, a sequence model's logits and predictions at every step).
    func printSequence(_ omniglot: OmniglotDataset, location: DataLocation, using generator: inout SeededGenerator) throws {
        let episode = try reportingFailures {
            let classSplit = try ClassSplit.load(split, part: part, dataset: omniglot, location: location)
            return try SequenceSampler(split: classSplit, classes: ways, drawingsPerClass: effectiveShots).sample(using: &generator)
        }
        guard json else {
            print(
                SequenceText.render(
                    episode,
                    title: "Omniglot \(split.rawValue)/\(part.rawValue): a sequence of \(ways) classes, \(effectiveShots) drawings each, seed \(seed)"
                ), terminator: "")
            return
        }
        var output = SequenceJSON(episode, paths: omniglot.entryPath(of:))
        output.model = try checkpoint.map { try ModelAnswerJSON.labelling(episode, from: omniglot, checkpoint: $0) }
        print(try JSONOutput.pretty(output))
    }
}

extension ModelAnswerJSON {
    /// A sequence model's logits at every step of `episode` and the label it predicts there, as
    /// `eval` computes them (the label of step t arrives at step t + 1).
    static func labelling(_ episode: SequenceEpisode, from provider: some DrawingProvider, checkpoint path: String) throws -> ModelAnswerJSON {
        let model = try reportingEngineFailures { try ModelCheckpoint.read(path: path) }
        guard let learner = model.architecture.sequenceLearner else {
            throw failing("\(path) is a \(model.configuration.algorithm.rawValue) model; a sequence needs MANN or the LSTM baseline")
        }
        guard learner.classes == episode.classes.count else {
            throw failing("\(path) labels \(learner.classes) classes; the sequence has \(episode.classes.count) (--ways \(learner.classes))")
        }
        let batch = SequenceBatch([episode], from: provider)
        let logits = withoutRecording { learner.logits(parameters: model.parameters.detached(), batch: batch) }
        let classes = logits.shape[1]
        let rows = (0..<logits.shape[0]).map { Array(logits.scalars[($0 * classes)..<(($0 + 1) * classes)]) }
        return ModelAnswerJSON(
            checkpoint: path, algorithm: model.configuration.algorithm.rawValue, score: "logit", scores: rows,
            predictions: logits.argmaxAlongLastAxis())
    }
}

/// The JSON form of a sequence: its classes (label order) and its steps in presentation order.
private struct SequenceJSON: Encodable {
    struct Drawing: Encodable { var index: Int32; var rotation: Int; var path: String? }
    struct Class: Encodable { var label: Int; var alphabet: String; var character: Int; var rotation: Int }
    struct Step: Encodable { var label: Int; var instance: Int; var drawing: Drawing }
    var classes: [Class]
    var steps: [Step]
    /// The answers of `--checkpoint`'s model, when one is given: one row of logits per step.
    var model: ModelAnswerJSON?

    init(_ episode: SequenceEpisode, paths: (DrawingRef) -> String) {
        classes = episode.classes.enumerated().map { label, c in
            Class(label: label, alphabet: c.alphabet, character: c.character, rotation: c.rotation.degrees)
        }
        steps = zip(episode.drawings, zip(episode.labels, episode.instances)).map { ref, labelled in
            Step(label: labelled.0, instance: labelled.1, drawing: Drawing(index: ref.index, rotation: ref.rotation.degrees, path: paths(ref)))
        }
    }
}

/// The text form of a sequence: the classes behind the labels, then one line per step.
private enum SequenceText {
    static func render(_ episode: SequenceEpisode, title: String) -> String {
        var lines = [title, "", "Labels (assigned anew in every sequence)"]
        lines += episode.classes.enumerated().map { label, c in
            "  \(label)  \(c.alphabet) #\(c.character)" + (c.rotation.degrees == 0 ? "" : " r\(c.rotation.degrees)")
        }
        lines += ["", "Steps (a drawing's label is shown one step later)", "  step  label  instance"]
        lines += zip(episode.labels, episode.instances).enumerated().map { t, step in
            String(format: "  %4d  %5d  %8d", t + 1, step.0, step.1)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
