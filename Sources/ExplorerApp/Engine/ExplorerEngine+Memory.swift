import Autodiff
import FewShot
import Foundation

extension ExplorerEngine {
    /// One test sequence through MANN and the LSTM baseline (each that has a model), with MANN's
    /// reads, writes, usage and memory at every step. The sequence is shaped as the models were
    /// trained (Santoro et al.: 5 classes, 10 drawings each), from the test classes.
    func memoryView(for request: MemoryRequest) throws -> MemoryView {
        guard let data = omniglot else { throw ExplorerError.omniglotMissing }
        let shape = (sequenceModels[.mann] ?? sequenceModels[.lstm])?.configuration
        let settings = sequenceModels[.mann]?.configuration.sequenceModel ?? SequenceModelSettings()
        let sampler = try SequenceSampler(split: data.split, classes: shape?.ways ?? 5, drawingsPerClass: shape?.shots ?? 10)
        var generator = derivedGenerator(seed: request.seed, number: request.episodeNumber, stream: 5)
        let episode = sampler.sample(using: &generator)
        let batch = SequenceBatch([episode], from: data.dataset)
        var memory: [MANN.StepTrace] = []
        let runs = SequenceLearnerKind.allCases.map { kind -> MemoryView.Run in
            guard let checkpoint = sequenceModels[kind] else {
                return MemoryView.Run(kind: kind, caption: "\(ModelLibrary.fileName(of: kind)) is not in assets/models")
            }
            guard checkpoint.configuration.ways == sampler.classes else {
                return MemoryView.Run(kind: kind, caption: "trained on \(checkpoint.configuration.ways)-class sequences, not \(sampler.classes)")
            }
            let parameters = checkpoint.parameters.detached()
            let logits: Tensor = withoutRecording {
                if case .mann(let mann) = checkpoint.architecture {
                    let traced = mann.tracedLogits(parameters: parameters, batch: batch)
                    memory = traced.trace
                    return traced.logits
                }
                return checkpoint.architecture.sequenceLearner!.logits(parameters: parameters, batch: batch)
            }
            let classes = logits.shape[1]
            let probabilities = logits.softmax().scalars
            let stored = StandardEvaluation.entries(of: checkpoint)[StandardEvaluation.byInstanceKey]
            return MemoryView.Run(
                kind: kind, caption: ModelLibrary.caption(checkpoint), predictions: logits.argmaxAlongLastAxis(),
                probabilities: (0..<episode.length).map { Array(probabilities[($0 * classes)..<(($0 + 1) * classes)]) },
                storedByInstance: stored?.accuracyByInstance, storedEpisodes: stored?.episodes)
        }
        let steps = zip(zip(episode.drawings, episode.labels), episode.instances).map { pair, instance in
            MemoryView.Step(drawing: Self.croppedGlyph(data.dataset.bitmap(pair.0)), label: pair.1, instance: instance)
        }
        let classes = episode.classes.map { c in
            EpisodeView.ClassInfo(alphabet: c.alphabet, character: c.character, rotationDegrees: c.rotation.degrees, support: [])
        }
        return MemoryView(
            id: request.id, episodeNumber: request.episodeNumber, classes: classes, steps: steps, runs: runs, memory: memory,
            slots: settings.memorySlots, slotWidth: settings.memoryWidth, splitName: data.split.name)
    }
}
