import Autodiff
import NeuralNets
import Testing

@testable import FewShot

/// Sine MAML's replayed meta-step (what training runs) against the dynamic tape: the same bits,
/// iteration after iteration of Adam on new tasks, for each order and objective.
@Suite struct SineMetaStepTests {
    func train(_ learner: SineMAML, replaying: Bool, iterations: Int) -> (parameters: [[Float]], losses: [Float], replayed: Bool) {
        var rng = SeededGenerator(seed: 11)
        var theta = learner.model.initialParameters(using: &rng)
        var adam = Adam(learningRate: 0.01)
        let step = SineMetaStep(learner, replaying: replaying)
        var losses: [Float] = []
        for _ in 0..<iterations {
            let batch = SineTaskFamily().sampleBatch(tasks: 5, shots: 4, queries: 6, using: &rng)
            let r = step(theta, batch: batch)
            adam.step(&theta, gradients: r.gradients)
            losses += [r.metaLoss] + r.supportLosses
        }
        return (theta.tensors.map(\.scalars), losses, step.isReplayed)
    }

    @Test(arguments: [
        (MAML.Order.secondOrder, 1, MetaObjective.lastStep), (.firstOrder, 1, .lastStep), (.secondOrder, 3, .everyStep)
    ])
    func replayedTrainingIsTheTapesBitForBit(order: MAML.Order, steps: Int, objective: MetaObjective) {
        let learner = SineMAML(model: SineMLP(hidden: 12), inner: InnerLoop(steps: steps, stepSize: 0.05), order: order, objective: objective)
        let replayed = train(learner, replaying: true, iterations: 6)
        let taped = train(learner, replaying: false, iterations: 6)
        #expect(replayed.replayed && !taped.replayed)
        #expect(replayed.parameters == taped.parameters)
        #expect(replayed.losses == taped.losses)
        #expect(replayed.losses.count == 6 * (steps + 2))
    }

    @Test func aBatchOfAnotherShapeRunsOnTheTape() {
        let learner = SineMAML(model: SineMLP(hidden: 6))
        var rng = SeededGenerator(seed: 2)
        let theta = learner.model.initialParameters(using: &rng)
        let step = SineMetaStep(learner)
        _ = step(theta, batch: SineTaskFamily().sampleBatch(tasks: 3, shots: 4, queries: 4, using: &rng))
        let other = SineTaskFamily().sampleBatch(tasks: 2, shots: 5, queries: 4, using: &rng)
        #expect(step(theta, batch: other).gradients.map(\.scalars) == learner.metaGradient(theta, batch: other).gradients.map(\.scalars))
    }
}
