import Testing

@testable import Autodiff

/// A replayed step against the dynamic tape it was recorded from: the same bits on new data,
/// first and second order, with data-dependent masks recomputed; steps it cannot replay refused.
@Suite struct ReplayedStepTests {
    /// A batched two-layer ReLU network's MAML step on inputs [w1, b1, w2, x, y] (per-task
    /// weights, as sine MAML): one inner step, then the gradient of the query loss, as outputs
    /// with the losses.
    static func metaStep(_ inputs: [Tensor], secondOrder: Bool) -> [Tensor] {
        let tasks = inputs[3].shape[0]
        let leaves = inputs[0..<3].map { $0.variable() }
        func loss(_ w: [Tensor], _ x: Tensor, _ y: Tensor) -> Tensor {
            let h = (Tensor.matmul(x, w[0], transposeB: true) + w[1].expandingShape(at: 1)).relu()
            return (Tensor.matmul(h, w[2], transposeB: true) - y).squared().sum().scaled(by: 0.25)
        }
        let expanded = leaves.map { $0.broadcast(to: [tasks] + $0.shape) }
        let (x, y) = (inputs[3], inputs[4])
        let support = loss(expanded, x.slice(alongAxis: 1, 0..<3), y.slice(alongAxis: 1, 0..<3))
        let g = gradients(of: support, withRespectTo: expanded, keepingGraph: secondOrder)
        let fast = zip(expanded, g).map { $0 - $1.scaled(by: 0.1) }
        let query = loss(fast, x.slice(alongAxis: 1, 3..<6), y.slice(alongAxis: 1, 3..<6))
        return gradients(of: query, withRespectTo: leaves) + [support, query]
    }

    static func data(seed: UInt64, tasks: Int = 4) -> [Tensor] {
        var rng = SeededGenerator(seed: seed)
        return [
            Tensor.randomNormal(shape: [8, 2], using: &rng), Tensor.randomNormal(shape: [8], using: &rng),
            Tensor.randomNormal(shape: [1, 8], using: &rng), Tensor.randomNormal(shape: [tasks, 6, 2], using: &rng),
            Tensor.randomNormal(shape: [tasks, 6, 1], using: &rng)
        ]
    }

    @Test(arguments: [true, false]) func replayedMetaStepsGiveTheTapesBitsOnNewData(secondOrder: Bool) throws {
        let step = try #require(ReplayedStep.record(Self.data(seed: 1)) { Self.metaStep($0, secondOrder: secondOrder) })
        #expect(step.outputShapes == [[8, 2], [8], [1, 8], [], []])
        // Several iterations, each on other data (and on the recording's own, last).
        for seed in [2, 3, 4, 5, 1] as [UInt64] {
            let inputs = Self.data(seed: seed)
            let replayed = step(inputs)
            let taped = Self.metaStep(inputs, secondOrder: secondOrder)
            #expect(replayed.map(\.scalars) == taped.map(\.scalars), "seed \(seed)")
            #expect(replayed[0].scalars.contains { $0 != 0 })
        }
    }

    @Test func secondOrderIsReplayedAsSecondOrder() throws {
        // Guards the test above against an order that does not matter on its data.
        let inputs = Self.data(seed: 2)
        let first = Self.metaStep(inputs, secondOrder: false)
        let step = try #require(ReplayedStep.record(Self.data(seed: 1)) { Self.metaStep($0, secondOrder: true) })
        let second = step(inputs)
        #expect(first[0].scalars != second[0].scalars)
    }

    @Test func reluMasksComeFromTheNewData() throws {
        // y = Σ relu(x) · w: the gradient with respect to w is relu(x), the one with respect to x
        // is the mask times w; a mask frozen at recording would give the first data's signs.
        func body(_ inputs: [Tensor]) -> [Tensor] {
            let (x, w) = (inputs[0].variable(), inputs[1].variable())
            let y = (x.relu() * w).sum()
            return gradients(of: y, withRespectTo: [x, w])
        }
        let recorded = [Tensor([1, -1, 2, -2]), Tensor([1, 1, 1, 1])]
        let step = try #require(ReplayedStep.record(recorded, body))
        let flipped = [Tensor([-1, 1, -2, 2]), Tensor([3, 4, 5, 6])]
        let replayed = step(flipped)
        #expect(replayed[0].scalars == [0, 4, 0, 6])
        #expect(replayed[1].scalars == [0, 1, 0, 2])
        #expect(replayed.map(\.scalars) == body(flipped).map(\.scalars))
    }

    @Test func outputsCanBeReadInPlace() throws {
        let step = try #require(ReplayedStep.record([Tensor([1, 2, 3])]) { [($0[0] * $0[0]).sum()] })
        let total = step.replay([Tensor([2, 3, 4])]) { $0[0][0] }
        #expect(total == 29)
    }

    @Test func stepsWithoutReplaySupportAreRefused() {
        // Gathering rows has no replay kernel yet: its result would be frozen, so there is no step.
        #expect(ReplayedStep.record([Tensor(shape: [3, 2], scalars: [1, 2, 3, 4, 5, 6])]) { [$0[0].gathering(rows: [2, 0]).sum()] } == nil)
        // Random numbers drawn inside the step would be the recording's forever.
        #expect(
            ReplayedStep.record([Tensor([1, 2])]) { inputs in
                var rng = SeededGenerator(seed: 1)
                return [inputs[0] * Tensor.randomNormal(shape: [2], using: &rng)]
            } == nil)
    }

    @Test func buffersAreSharedByValuesThatDoNotLiveAtOnce() throws {
        // A chain of twenty ops over one size needs a few places, not twenty.
        let step = try #require(
            ReplayedStep.record([Tensor(repeating: 1, shape: [64])]) { inputs in
                var x = inputs[0]
                for i in 0..<20 { x = x.scaled(by: 1.5).shifted(by: Float(i)) }
                return [x.sum()]
            })
        #expect(step.operationCount == 41)
        #expect(step.bufferedScalarCount <= 64 * 4 + 16)
        let chained = (0..<20).reduce(Tensor(repeating: 2, shape: [64])) { x, i in x.scaled(by: 1.5).shifted(by: Float(i)) }.sum()
        #expect(step([Tensor(repeating: 2, shape: [64])])[0].scalars == chained.scalars)
    }
}
