import ArgumentParser
import FewShot

extension TrainCommand {
    /// Every numeric option and the algorithm's pairing with the dataset, before any data loads.
    func validate() throws {
        for (value, option) in [
            (ways, "--ways"), (shots, "--shots"), (queries, "--queries"), (metaBatch, "--meta-batch"),
            (iterations, "--iterations"), (validationEpisodes, "--validation-episodes"),
            (checkpointEvery, "--checkpoint-every"), (testEpisodes, "--test-episodes")
        ] {
            try NumericCheck.positive(value, option)
        }
        for (value, option) in [
            (innerSteps, "--inner-steps"), (innerBatch, "--inner-batch"), (lrDecayEvery, "--lr-decay-every"),
            (validateEvery, "--validate-every"), (testEvery, "--test-every")
        ] {
            try NumericCheck.notNegative(value, option)
        }
        try NumericCheck.positive(innerLr, "--inner-lr")
        try NumericCheck.positive(metaLr, "--meta-lr")
        try NumericCheck.positive(similarityScale, "--similarity-scale")
        try sequenceOptions.validate()
        try sineOptions.validate()
        // A resumed run takes its algorithm and dataset from the checkpoint.
        guard !resume else { return }
        guard algorithm.isDefined(on: dataset) else {
            let known = DatasetKind.allCases.map { d in
                "\(d.rawValue) trains \(Algorithm.allCases.filter { $0.isDefined(on: d) }.map(\.rawValue).joined(separator: ", "))"
            }
            throw ValidationError("\(algorithm.rawValue) is not defined on \(dataset.rawValue) (\(known.joined(separator: "; ")))")
        }
        if let preset, !preset.isDefined(for: algorithm, on: dataset) {
            let defined = preset.pairs.map { "\($0.0.rawValue) on \($0.1.rawValue)" }.joined(separator: " and ")
            throw ValidationError(
                "--preset \(preset.rawValue) has no schedule for \(algorithm.rawValue) on \(dataset.rawValue); it has one for \(defined)")
        }
        if metaLoss != nil, dataset != .sine || ![.maml, .fomaml].contains(algorithm) {
            throw ValidationError("--meta-loss chooses MAML's meta-loss on sine; \(algorithm.rawValue) on \(dataset.rawValue) has none")
        }
        if !algorithm.isModelBased, let option = sequenceOptions.givenOption {
            throw ValidationError("\(option) sizes MANN and the LSTM baseline; \(algorithm.rawValue) has no such part")
        }
        if dataset != .sine, let option = sineOptions.givenOption {
            throw ValidationError("\(option) sizes the sine MLP; \(algorithm.rawValue) on \(dataset.rawValue) has no such network")
        }
        let c = try configuration()
        if algorithm.isModelBased, c.shots > FewShot.OmniglotDataset.drawingsPerCharacter {
            throw ValidationError(
                "--shots \(c.shots) drawings per class exceed the \(FewShot.OmniglotDataset.drawingsPerCharacter) drawings of each character")
        }
        if let batch = c.innerBatch, batch > c.ways * c.shots {
            throw ValidationError("--inner-batch \(batch) does not fit a support set of \(c.ways) ways x \(c.shots) shots")
        }
    }
}
