import Autodiff
import NeuralNets
import Testing

@testable import FewShot

/// Each algorithm on sine is the algorithm it names: Reptile's update and FOMAML's gradient
/// against plain loops written here, task by task, without the batched learners.
@Suite struct SineAlgorithmTests {
    /// A few tasks of a few points, stacked as the learners take them.
    func tasks(_ count: Int, points: Int, seed: UInt64) -> (episodes: [SineTaskFamily.Episode], batch: RegressionBatch) {
        var rng = SeededGenerator(seed: seed)
        let episodes = (0..<count).map { _ in SineTaskFamily().sampleEpisode(shots: points, queries: points, using: &rng) }
        func stack(_ part: (SineTaskFamily.Episode) -> Tensor) -> Tensor {
            Tensor(shape: [count, points, 1], scalars: episodes.flatMap { part($0).scalars })
        }
        return (episodes, RegressionBatch(supportX: stack(\.supportX), supportY: stack(\.supportY), queryX: stack(\.queryX), queryY: stack(\.queryY)))
    }

    /// φ by plain SGD on one task's support points, one unbatched network at a time.
    func sgd(_ model: SineMLP, _ theta: ParameterList, x: Tensor, y: Tensor, steps: Int, alpha: Float) -> ParameterList {
        var p = theta.detached()
        for _ in 0..<steps {
            let v = p.variables()
            let g = gradients(of: model(x, parameters: v).meanSquaredError(y), withRespectTo: v.tensors)
            p.tensors = zip(p.tensors, g).map { t, g in Tensor(shape: t.shape, scalars: zip(t.scalars, g.scalars).map { $0 - alpha * $1 }) }
        }
        return p
    }

    /// θ + ε · mean over tasks of (φ − θ), scalar by scalar.
    func reptileByHand(_ model: SineMLP, _ theta: ParameterList, _ episodes: [SineTaskFamily.Episode], inner: InnerLoop, epsilon: Float) -> [[Float]]
    {
        let phis = episodes.map { sgd(model, theta, x: $0.supportX, y: $0.supportY, steps: inner.steps, alpha: inner.stepSize) }
        return theta.tensors.indices.map { i in
            theta.tensors[i].scalars.indices.map { j in
                let th = theta.tensors[i].scalars[j]
                return th + epsilon * phis.map { $0.tensors[i].scalars[j] - th }.reduce(0, +) / Float(episodes.count)
            }
        }
    }

    func close(_ a: [[Float]], _ b: [[Float]], tolerance: Float = 1e-5) -> Bool {
        zip(a, b).allSatisfy { zip($0, $1).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) } } && a.count == b.count
    }

    @Test func reptileMovesTowardsTheWeightsPlainSGDFinds() {
        let model = SineMLP(hidden: 5)
        var rng = SeededGenerator(seed: 3)
        let theta = model.initialParameters(using: &rng)
        let (episodes, batch) = tasks(3, points: 4, seed: 4)
        let inner = InnerLoop(steps: 3, stepSize: 0.05)
        let step = SineReptile(model: model, inner: inner).metaStep(theta, batch: batch, metaStepSize: 0.5)
        let expected = reptileByHand(model, theta, episodes, inner: inner, epsilon: 0.5)
        #expect(close(step.parameters.tensors.map(\.scalars), expected))
        // The move is a real one: θ itself is not the answer.
        #expect(!close(theta.tensors.map(\.scalars), expected, tolerance: 1e-4))
        #expect(step.supportLosses.count == inner.steps + 1)
    }

    @Test func firstOrderGradientIsTheQueryGradientAtTheAdaptedWeights() {
        let model = SineMLP(hidden: 5)
        var rng = SeededGenerator(seed: 5)
        let theta = model.initialParameters(using: &rng)
        let (episodes, batch) = tasks(2, points: 4, seed: 6)
        let inner = InnerLoop(steps: 2, stepSize: 0.05)
        let first = SineMAML(model: model, inner: inner, order: .firstOrder).metaGradient(theta, batch: batch)
        let second = SineMAML(model: model, inner: inner, order: .secondOrder).metaGradient(theta, batch: batch)
        // Mean over tasks of ∇L_query(φ), each φ by plain SGD.
        let perTask = episodes.map { e -> [Tensor] in
            let phi = sgd(model, theta, x: e.supportX, y: e.supportY, steps: inner.steps, alpha: inner.stepSize).variables()
            return gradients(of: model(e.queryX, parameters: phi).meanSquaredError(e.queryY), withRespectTo: phi.tensors)
        }
        let expected = theta.tensors.indices.map { i in
            theta.tensors[i].scalars.indices.map { j in perTask.map { $0[i].scalars[j] }.reduce(0, +) / Float(episodes.count) }
        }
        #expect(close(first.gradients.map(\.scalars), expected, tolerance: 1e-4))
        // Second order carries (I − αH): not the same gradient.
        #expect(!close(second.gradients.map(\.scalars), expected, tolerance: 1e-3))
    }

    func tinyConfiguration(_ algorithm: Algorithm) -> TrainingConfiguration {
        var c = TrainingConfiguration.standard(algorithm, .sine)
        (c.metaBatch, c.shots, c.queries, c.iterations, c.seed) = (3, 4, 4, 3, 11)
        (c.innerSteps, c.innerStepSize, c.validationInterval, c.checkpointInterval) = (2, 0.05, 0, 1000)
        return c
    }

    @Test func trainerRunsReptileAsReptileOnSine() throws {
        let c = tinyConfiguration(.reptile)
        let trainer = try Trainer(configuration: c, data: .sine)
        // The trainer draws θ, then the meta-batch, from the one generator of the run.
        var rng = SeededGenerator(seed: c.seed)
        let theta = SineMLP().initialParameters(using: &rng)
        var batchRNG = rng
        _ = SineTaskFamily().sampleBatch(tasks: c.metaBatch, shots: c.shots, queries: c.queries, using: &batchRNG)
        let episodes = (0..<c.metaBatch).map { _ in SineTaskFamily().sampleEpisode(shots: c.shots, queries: c.queries, using: &rng) }
        #expect(rng == batchRNG, "the batch is drawn as episodes in order")
        _ = try trainer.step()
        let expected = reptileByHand(
            SineMLP(), theta, episodes, inner: InnerLoop(steps: c.innerSteps, stepSize: c.innerStepSize), epsilon: c.metaStepSize)
        #expect(close(trainer.parameters.tensors.map(\.scalars), expected))
    }

    @Test func everyAlgorithmWritesDifferentWeightsFromOneSeed() throws {
        var weights: [Algorithm: [[Float]]] = [:]
        for algorithm in [Algorithm.maml, .fomaml, .reptile, .pretrained] {
            let trainer = try Trainer(configuration: tinyConfiguration(algorithm), data: .sine)
            try trainer.run { _ in }
            weights[algorithm] = trainer.parameters.tensors.map(\.scalars)
        }
        #expect(weights[.reptile] != weights[.maml])
        #expect(weights[.fomaml] != weights[.maml])
        #expect(weights[.reptile] != weights[.fomaml])
        #expect(weights[.pretrained] != weights[.maml])
    }

    @Test func reptileStandardSineSettingTakesSeveralStepsAndAnAnnealedOuterStep() {
        let c = TrainingConfiguration.standard(.reptile, .sine)
        #expect(c.innerSteps > 1)
        #expect(c.metaStepSize > 0 && c.metaStepSize <= 1)
        #expect(TrainingConfiguration.standard(.maml, .sine).innerSteps == 1)
    }
}
