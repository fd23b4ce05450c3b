import Autodiff
import NeuralNets
import Testing

@testable import FewShot

/// MAML's meta-gradient against closed forms and finite differences.
@Suite struct MAMLGradientTests {
    /// Linear regression y = X w: L(w) = |Xw − y|² / n, ∇L = 2Xᵀ(Xw − y)/n, H = 2XᵀX/n.
    struct LinearTask {
        var xs: Tensor, ys: Tensor, xq: Tensor, yq: Tensor
        var objective: TaskObjective {
            TaskObjective(
                support: { p in ((Tensor.matmul(xs, p["w"]) - ys).squared().mean(), nil) },
                query: { p in ((Tensor.matmul(xq, p["w"]) - yq).squared().mean(), nil) })
        }
    }

    func task(seed: UInt64) -> LinearTask {
        var rng = SeededGenerator(seed: seed)
        return LinearTask(
            xs: .randomNormal(shape: [6, 3], using: &rng), ys: .randomNormal(shape: [6, 1], using: &rng),
            xq: .randomNormal(shape: [5, 3], using: &rng), yq: .randomNormal(shape: [5, 1], using: &rng))
    }

    func gradient(_ x: Tensor, _ y: Tensor, _ w: Tensor) -> Tensor {
        Tensor.matmul(x, Tensor.matmul(x, w) - y, transposeA: true).scaled(by: 2 / Float(x.shape[0]))
    }

    @Test func secondOrderMatchesClosedForm() {
        let t = task(seed: 1)
        var rng = SeededGenerator(seed: 2)
        let w = Tensor.randomNormal(shape: [3, 1], using: &rng)
        let alpha: Float = 0.1
        let theta = ParameterList(names: ["w"], tensors: [w])
        let step = MAML.metaStep(theta, tasks: [t.objective], inner: InnerLoop(steps: 1, stepSize: alpha), order: .secondOrder)
        // w' = w − α ∇L_s(w); meta-gradient = (I − α H_s) ∇L_q(w')
        let wPrime = w - gradient(t.xs, t.ys, w).scaled(by: alpha)
        let hessian = Tensor.matmul(t.xs, t.xs, transposeA: true).scaled(by: 2 / Float(t.xs.shape[0]))
        let identity = Tensor(shape: [3, 3], scalars: [1, 0, 0, 0, 1, 0, 0, 0, 1])
        let expected = Tensor.matmul(identity - hessian.scaled(by: alpha), gradient(t.xq, t.yq, wPrime))
        for (a, b) in zip(step.gradients[0].scalars, expected.scalars) { #expect(abs(a - b) < 1e-4 * max(1, abs(b))) }

        let first = MAML.metaStep(theta, tasks: [t.objective], inner: InnerLoop(steps: 1, stepSize: alpha), order: .firstOrder)
        for (a, b) in zip(first.gradients[0].scalars, gradient(t.xq, t.yq, wPrime).scalars) { #expect(abs(a - b) < 1e-4 * max(1, abs(b))) }
        // and the two differ: the Hessian term is real
        #expect(zip(step.gradients[0].scalars, first.gradients[0].scalars).contains { abs($0 - $1) > 1e-3 })
    }

    @Test func metaGradientOfTinyConvNetMatchesFiniteDifferences() {
        var rng = SeededGenerator(seed: 3)
        let model = ConvClassifier(ways: 2, downsampling: .strided, hiddenChannels: 3)
        let theta = model.initialParameters(using: &rng)
        let support = Tensor.randomNormal(shape: [4, 1, 8, 8], using: &rng)
        let query = Tensor.randomNormal(shape: [4, 1, 8, 8], using: &rng)
        let labels = [0, 1, 0, 1]
        let objective = TaskObjective(
            support: { p in (model(support, parameters: p).crossEntropy(labels: labels), nil) },
            query: { p in (model(query, parameters: p).crossEntropy(labels: labels), nil) })
        let inner = InnerLoop(steps: 2, stepSize: 0.3)
        let analytic = MAML.metaStep(theta, tasks: [objective], inner: inner, order: .secondOrder).gradients
        func metaLoss(_ p: ParameterList) -> Double {
            let fast = MAML.adapt(p.variables(), to: objective, inner: inner, order: .firstOrder).fast
            return Double(withoutRecording { objective.query(fast.detached()).loss.scalar })
        }
        var drng = SeededGenerator(seed: 4)
        let direction = theta.tensors.map { Tensor.randomNormal(shape: $0.shape, standardDeviation: 0.01, using: &drng) }
        let eps: Float = 2e-3  // ReLU kinks make larger steps unreliable
        func moved(_ s: Float) -> ParameterList {
            ParameterList(names: theta.names, tensors: zip(theta.tensors, direction).map { $0 + $1.scaled(by: s) })
        }
        let numeric = (metaLoss(moved(eps)) - metaLoss(moved(-eps))) / Double(2 * eps)
        var predicted = 0.0
        for (g, d) in zip(analytic, direction) { for (a, b) in zip(g.scalars, d.scalars) { predicted += Double(a) * Double(b) } }
        #expect(abs(predicted - numeric) < 3e-2 * max(1, abs(numeric)), "analytic \(predicted) numeric \(numeric)")
    }

    @Test func batchedSineMAMLEqualsPerTaskMAML() {
        var rng = SeededGenerator(seed: 5)
        let learner = SineMAML(inner: InnerLoop(steps: 2, stepSize: 0.01))
        let theta = learner.model.initialParameters(using: &rng)
        let batch = RegressionBatch(
            supportX: .randomUniform(shape: [3, 5, 1], in: -5...5, using: &rng), supportY: .randomNormal(shape: [3, 5, 1], using: &rng),
            queryX: .randomUniform(shape: [3, 5, 1], in: -5...5, using: &rng), queryY: .randomNormal(shape: [3, 5, 1], using: &rng))
        let batched = learner.metaGradient(theta, batch: batch)
        let tasks = (0..<3).map { t in
            TaskObjective(
                support: { p in
                    (
                        (learner.model(batch.supportX.slice(alongAxis: 0, t..<t + 1).reshaped(to: [5, 1]), parameters: p)
                            - batch.supportY.slice(alongAxis: 0, t..<t + 1).reshaped(to: [5, 1])).squared().mean(), nil
                    )
                },
                query: { p in
                    (
                        (learner.model(batch.queryX.slice(alongAxis: 0, t..<t + 1).reshaped(to: [5, 1]), parameters: p)
                            - batch.queryY.slice(alongAxis: 0, t..<t + 1).reshaped(to: [5, 1])).squared().mean(), nil
                    )
                })
        }
        let looped = MAML.metaStep(theta, tasks: tasks, inner: learner.inner, order: .secondOrder)
        #expect(abs(batched.metaLoss - looped.metaLoss) < 1e-4 * max(1, looped.metaLoss))
        for (a, b) in zip(batched.gradients, looped.gradients) {
            for (x, y) in zip(a.scalars, b.scalars) { #expect(abs(x - y) < 1e-3 * max(1, abs(y))) }
        }
    }

    @Test func reptileMovesTowardsAdaptedWeights() {
        let t = task(seed: 6)
        var rng = SeededGenerator(seed: 7)
        let w = Tensor.randomNormal(shape: [3, 1], using: &rng)
        let theta = ParameterList(names: ["w"], tensors: [w])
        let alpha: Float = 0.05
        let result = Reptile.metaStep(theta, tasks: [t.objective], inner: InnerLoop(steps: 2, stepSize: alpha), metaStepSize: 0.5)
        // by hand: two SGD steps, then θ + 0.5 (φ − θ)
        var phi = w
        for _ in 0..<2 { phi = phi - gradient(t.xs, t.ys, phi).scaled(by: alpha) }
        let expected = w + (phi - w).scaled(by: 0.5)
        for (a, b) in zip(result.parameters.tensors[0].scalars, expected.scalars) { #expect(abs(a - b) < 1e-5 * max(1, abs(b))) }
    }

    @Test func aMetaBatchOnWorkerThreadsGivesTheBitsOfOneTaskAtATime() {
        var rng = SeededGenerator(seed: 11)
        let model = ConvClassifier(ways: 2, downsampling: .strided, hiddenChannels: 4)
        let theta = model.initialParameters(using: &rng)
        let tasks = (0..<5).map { _ in
            let (support, query) = (Tensor.randomNormal(shape: [4, 1, 8, 8], using: &rng), Tensor.randomNormal(shape: [6, 1, 8, 8], using: &rng))
            return TaskObjective(
                support: { p in (model(support, parameters: p).crossEntropy(labels: [0, 1, 0, 1]), nil) },
                query: { p in (model(query, parameters: p).crossEntropy(labels: [0, 1, 1, 0, 1, 0]), nil) })
        }
        let inner = InnerLoop(steps: 2, stepSize: 0.3)
        for order in [MAML.Order.secondOrder, .firstOrder] {
            let step = MAML.metaStep(theta, tasks: tasks, inner: inner, order: order)
            var expected: [Tensor]? = nil
            for task in tasks {
                let leaves = theta.detached().variables()
                let fast = MAML.adapt(leaves, to: task, inner: inner, order: order).fast
                let g = gradients(of: task.query(fast).loss.scaled(by: 1 / Float(tasks.count)), withRespectTo: leaves.tensors)
                expected = expected.map { zip($0, g).map { a, b in a + b } } ?? g
            }
            #expect(step.gradients.map(\.scalars) == expected!.map(\.scalars), "\(order)")
        }
        let reptile = Reptile.metaStep(theta, tasks: tasks, inner: inner, metaStepSize: 1)
        var moves = theta.tensors.map { [Float](repeating: 0, count: $0.count) }
        for task in tasks {
            let fast = MAML.adapt(theta.detached().variables(), to: task, inner: inner, order: .firstOrder).fast
            for i in moves.indices {
                for j in moves[i].indices { moves[i][j] += fast.tensors[i].scalars[j] - theta.tensors[i].scalars[j] }
            }
        }
        let serial = theta.tensors.indices.map { i in
            theta.tensors[i].scalars.indices.map { j in theta.tensors[i].scalars[j] + (1 / Float(5)) * moves[i][j] }
        }
        #expect(reptile.parameters.tensors.map(\.scalars) == serial)
    }
}
