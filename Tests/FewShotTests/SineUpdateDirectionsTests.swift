import Autodiff
import FewShot
import NeuralNets
import Testing

/// The three update directions on one sine task are what each algorithm does there: MAML's is the
/// steepest descent of the loss after adaptation, first-order MAML's meets it as the inner step
/// vanishes, and Reptile with one step on the query points themselves is that same plain gradient.
@Suite struct SineUpdateDirectionsTests {
    /// Five support and ten query points of one task, and a fresh θ.
    func task(seed: UInt64) -> (support: [(x: Float, y: Float)], query: [(x: Float, y: Float)], theta: ParameterList) {
        var rng = SeededGenerator(seed: seed)
        let sine = SineTaskFamily().sampleTask(using: &rng)
        let points = (0..<15).map { _ -> (x: Float, y: Float) in
            let x = rng.nextFloat(in: SineTaskFamily.inputRange)
            return (x, sine(x))
        }
        return (Array(points.prefix(5)), Array(points.dropFirst(5)), SineMLP().initialParameters(using: &rng))
    }

    @Test func mamlsDirectionLowersTheLossAfterAdaptationMostForASmallMove() {
        for seed: UInt64 in [1, 2, 3] {
            let (support, query, theta) = task(seed: seed)
            let d = SineUpdateDirections.compute(
                theta: theta, support: support, query: query, innerStepSize: 0.05, reptileSteps: 5, moveLength: 1e-3)
            let maml = d.queryLossMoved[SineUpdateDirections.Rule.maml.rawValue]
            #expect(maml < d.queryLoss, "seed \(seed): \(d)")
            for rule in [SineUpdateDirections.Rule.firstOrder, .reptile] {
                #expect(maml <= d.queryLossMoved[rule.rawValue] + 1e-6, "seed \(seed), \(rule): \(d)")
            }
            #expect(abs(d.cosines[0][0] - 1) < 1e-4 && d.cosines[0][2] == d.cosines[2][0])
        }
    }

    @Test func firstOrderMeetsMAMLAsTheInnerStepVanishes() {
        let (support, query, theta) = task(seed: 4)
        let large = SineUpdateDirections.compute(theta: theta, support: support, query: query, innerStepSize: 0.3, reptileSteps: 1, moveLength: 0.01)
        let small = SineUpdateDirections.compute(theta: theta, support: support, query: query, innerStepSize: 1e-4, reptileSteps: 1, moveLength: 0.01)
        #expect(small.angle(.maml, .firstOrder) < 0.5, "\(small)")
        #expect(large.angle(.maml, .firstOrder) > small.angle(.maml, .firstOrder), "the Hessian term grows with α: \(large)")
    }

    @Test func reptileWithOneStepOnTheQueryPointsIsTheirPlainGradient() {
        let (support, _, theta) = task(seed: 5)
        // Support and query the same points: one Reptile step is −α∇L(θ), first-order MAML's
        // direction is −∇L(φ) with φ one tiny step away: the same direction.
        let d = SineUpdateDirections.compute(theta: theta, support: support, query: support, innerStepSize: 1e-4, reptileSteps: 1, moveLength: 0.01)
        #expect(d.angle(.reptile, .firstOrder) < 0.5, "\(d)")
        #expect(abs(d.lengths[2] - 1e-4 * d.lengths[1]) < 1e-2 * d.lengths[2], "Reptile's move is α times the gradient: \(d)")
    }
}
