import Autodiff
import FewShot
import NeuralNets

extension ExplorerEngine {
    /// Query examples per class in the Inner loop screen's episodes.
    static let innerQueriesPerClass = 3

    /// Adapts MAML to each task of a meta-batch: Omniglot episodes when the data is there,
    /// else sine tasks.
    func innerResult(for request: InnerRequest) throws -> InnerResult {
        if let data = omniglot, let model = maml { return try omniglotInner(request, data: data, model: model) }
        return try sineInner(request)
    }

    private func omniglotInner(_ request: InnerRequest, data: OmniglotResources, model: ClassifierModel) throws -> InnerResult {
        guard case .classifier(let network) = model.checkpoint.architecture else { throw ExplorerError.wrongModel("MAML") }
        let c = model.checkpoint.configuration
        let alpha = request.alpha ?? c.innerStepSize
        let shots = c.validationShots
        let sampler = try EpisodeSampler(split: data.split, ways: network.ways, shots: shots, queries: Self.innerQueriesPerClass)
        var generator = derivedGenerator(seed: request.seed, number: request.batchNumber, stream: 2)
        let tasks = (0..<request.tasks).map { _ -> InnerTaskTrace in
            let episode = sampler.sample(using: &generator)
            let e = EpisodeTensors(episode, from: data.dataset)
            let alphabets = Array(Set(episode.classes.map { ClassName.alphabet($0.identity.alphabet) })).sorted()
            let caption = alphabets.count == 1 ? alphabets[0] : alphabets.joined(separator: ", ")
            var trace = Self.trace(
                network: network, theta: model.checkpoint.parameters, episode: e, steps: request.steps, alpha: alpha, caption: caption)
            trace.queryDrawings = episode.queries.map { Self.croppedGlyph(data.dataset.bitmap($0)) }
            return trace
        }
        return InnerResult(
            id: request.id, title: "MAML on Omniglot, \(network.ways)-way \(shots)-shot", modelCaption: model.caption,
            alpha: alpha, tasks: tasks, isClassification: true)
    }

    /// SGD on the support set from θ (FewShot's fine-tuning), recording losses, accuracy,
    /// every query's prediction and its class probabilities (the task's probe) before each step
    /// and after the last.
    static func trace(
        network: ConvClassifier, theta: ParameterList, episode e: EpisodeTensors, steps: Int, alpha: Float,
        caption: String
    ) -> InnerTaskTrace {
        let query = e.query
        let task = e.objective(for: network).probing { network(query, parameters: $0).softmax().scalars }
        let t = MAML.fineTuning(theta, on: task, inner: InnerLoop(steps: steps, stepSize: alpha))
        var trace = InnerTaskTrace(
            caption: caption, supportLosses: t.supportLosses, queryLosses: t.queryLosses, queryAccuracies: t.queryAccuracies,
            predictions: t.queryPredictions, labels: e.queryLabels)
        trace.ways = e.ways
        trace.probabilities = t.probeOutputs
        return trace
    }

    private func sineInner(_ request: InnerRequest) throws -> InnerResult {
        let models = sineModels.withLock { $0 }
        guard let theta = models.meta else { throw ExplorerError.wrongModel("sine") }
        let alpha = request.alpha ?? 0.01
        let family = SineTaskFamily()
        var generator = derivedGenerator(seed: request.seed, number: request.batchNumber, stream: 3)
        let model = models.metaNetwork
        let tasks = (0..<request.tasks).map { _ -> InnerTaskTrace in
            let e = family.sampleEpisode(shots: 10, queries: 10, using: &generator)
            let t = MAML.fineTuning(theta, on: e.objective(for: model), inner: InnerLoop(steps: request.steps, stepSize: alpha))
            return InnerTaskTrace(
                caption: "A=\(fixed(e.task.amplitude, 2)) phase=\(fixed(e.task.phase, 2))", supportLosses: t.supportLosses,
                queryLosses: t.queryLosses, queryAccuracies: [], predictions: [], labels: [])
        }
        return InnerResult(
            id: request.id, title: "MAML on sine regression, K = 10 (no Omniglot data)", modelCaption: models.metaCaption,
            alpha: alpha, tasks: tasks, isClassification: false)
    }
}
