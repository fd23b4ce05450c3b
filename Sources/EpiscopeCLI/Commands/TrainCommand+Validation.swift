import ArgumentParser
import FewShot

extension TrainCommand {
    /// The algorithms each dataset has a recipe for. Any other pair would still run, and mislead:
    /// ProtoNet on sine classifies regression targets and reports NaN, and Reptile on sine would
    /// train MAML under Reptile's name.
    static let recipes: KeyValuePairs<DatasetKind, [Algorithm]> = [
        .omniglot: [.protonet, .maml, .fomaml, .reptile],
        .sine: [.maml, .fomaml, .pretrained],
    ]

    /// Every numeric option and the algorithm's pairing with the dataset, before any data loads.
    func validate() throws {
        for (value, option) in [(ways, "--ways"), (shots, "--shots"), (queries, "--queries"), (metaBatch, "--meta-batch"),
                                (iterations, "--iterations"), (validationEpisodes, "--validation-episodes"),
                                (checkpointEvery, "--checkpoint-every")] {
            try NumericCheck.positive(value, option)
        }
        for (value, option) in [(innerSteps, "--inner-steps"), (innerBatch, "--inner-batch"), (lrDecayEvery, "--lr-decay-every"),
                                (validateEvery, "--validate-every")] {
            try NumericCheck.notNegative(value, option)
        }
        try NumericCheck.positive(innerLr, "--inner-lr")
        try NumericCheck.positive(metaLr, "--meta-lr")
        // A resumed run takes its algorithm and dataset from the checkpoint.
        guard !resume else { return }
        guard let trained = Self.recipes.first(where: { $0.key == dataset })?.value, trained.contains(algorithm) else {
            let known = Self.recipes.map { "\($0.key.rawValue) trains \($0.value.map(\.rawValue).joined(separator: ", "))" }
            throw ValidationError("\(algorithm.rawValue) is not defined on \(dataset.rawValue) (\(known.joined(separator: "; ")))")
        }
        let c = try configuration()
        if let batch = c.innerBatch, batch > c.ways * c.shots {
            throw ValidationError("--inner-batch \(batch) does not fit a support set of \(c.ways) ways x \(c.shots) shots")
        }
    }
}
