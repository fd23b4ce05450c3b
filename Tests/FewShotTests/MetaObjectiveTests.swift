import Autodiff
import NeuralNets
import Testing

@testable import FewShot

/// MAML's multi-step meta-loss on sine: the mean of the query losses after every inner step,
/// differentiated through all of them.
@Suite struct MetaObjectiveTests {
    let model = SineMLP(hidden: 6)

    func batch(seed: UInt64) -> RegressionBatch {
        var rng = SeededGenerator(seed: seed)
        return SineTaskFamily().sampleBatch(tasks: 3, shots: 5, queries: 5, using: &rng)
    }

    func theta() -> ParameterList {
        var rng = SeededGenerator(seed: 8)
        return model.initialParameters(using: &rng)
    }

    @Test func withOneStepBothObjectivesAreTheSame() {
        let inner = InnerLoop(steps: 1, stepSize: 0.05)
        let last = SineMAML(model: model, inner: inner, objective: .lastStep).metaGradient(theta(), batch: batch(seed: 1))
        let every = SineMAML(model: model, inner: inner, objective: .everyStep).metaGradient(theta(), batch: batch(seed: 1))
        #expect(last.metaLoss == every.metaLoss && last.gradients.map(\.scalars) == every.gradients.map(\.scalars))
    }

    @Test func everyStepIsTheMeanOfTheQueryLossesAfterEachStep() {
        let inner = InnerLoop(steps: 3, stepSize: 0.05)
        let learner = SineMAML(model: model, inner: inner, objective: .everyStep)
        let b = batch(seed: 2)
        let curve = learner.queryErrors(theta(), batch: b, maxSteps: 3)
        let expected = (curve[1] + curve[2] + curve[3]) / 3
        let r = learner.metaGradient(theta(), batch: b)
        #expect(abs(r.metaLoss - expected) <= 1e-5 * expected)
        #expect(abs(r.metaLoss - curve[3]) > 1e-4, "not the last step's loss alone")
        let firstAndLast = SineMAML(model: model, inner: inner, objective: .firstAndLast).metaGradient(theta(), batch: b)
        #expect(abs(firstAndLast.metaLoss - (curve[1] + curve[3]) / 2) <= 1e-5 * curve[1])
    }

    /// <∇L(θ), d> against (L(θ + εd) − L(θ − εd)) / 2ε, second-order through three steps.
    @Test(arguments: MetaObjective.allCases)
    func metaGradientMatchesFiniteDifferences(objective: MetaObjective) {
        let learner = SineMAML(model: model, inner: InnerLoop(steps: 3, stepSize: 0.05), objective: objective)
        let b = batch(seed: 3)
        let start = theta()
        let g = learner.metaGradient(start, batch: b).gradients
        var rng = SeededGenerator(seed: 11)
        let direction = start.tensors.map { Tensor.randomNormal(shape: $0.shape, using: &rng) }
        func moved(_ step: Float) -> ParameterList {
            var p = start.detached()
            p.tensors = zip(p.tensors, direction).map { t, d in Tensor(shape: t.shape, scalars: zip(t.scalars, d.scalars).map { $0 + step * $1 }) }
            return p
        }
        let epsilon: Float = 1e-3
        let numeric =
            (Double(learner.metaGradient(moved(epsilon), batch: b).metaLoss) - Double(learner.metaGradient(moved(-epsilon), batch: b).metaLoss))
            / (2 * Double(epsilon))
        let analytic = zip(g, direction).map { zip($0.scalars, $1.scalars).map { Double($0) * Double($1) }.reduce(0, +) }.reduce(0, +)
        #expect(abs(numeric - analytic) <= 2e-2 * max(1, abs(analytic)), "\(objective): numeric \(numeric), analytic \(analytic)")
    }
}
