import Autodiff
import NeuralNets

/// MAML on sine regression with every task of a meta-batch adapted at once: θ is broadcast to
/// one copy per task, so a batched product serves all tasks (what `vmap` does in JAX).
public struct SineMAML: Sendable {
    public let model: SineMLP
    public var inner: InnerLoop
    public var order: MAML.Order
    public var objective: MetaObjective

    public init(
        model: SineMLP = SineMLP(), inner: InnerLoop = InnerLoop(steps: 1, stepSize: 0.01), order: MAML.Order = .secondOrder,
        objective: MetaObjective = .lastStep
    ) {
        self.model = model
        self.inner = inner
        self.order = order
        self.objective = objective
    }

    /// Per-task mean squared error summed over tasks, for predictions and targets [tasks, k, 1].
    static func summedTaskLoss(_ prediction: Tensor, _ target: Tensor) -> Tensor {
        (prediction - target).squared().sum().scaled(by: 1 / Float(target.shape[1]))
    }

    /// Fast weights for every task of `batch` ([tasks, ...] each) after the inner loop, and the
    /// mean support loss before each step and after the last.
    /// `afterStep` sees the fast weights after each step but the last (the multi-step loss).
    public func adapt(
        _ theta: ParameterList, to batch: RegressionBatch, steps: Int? = nil, afterStep: (ParameterList) -> Void = { _ in }
    ) -> (fast: ParameterList, supportLosses: [Float]) {
        let r = adaptKeepingLosses(theta, to: batch, steps: steps, afterStep: afterStep)
        return (r.fast, r.summedSupportLosses.map { $0.scalar / Float(batch.taskCount) })
    }

    /// ``adapt(_:to:steps:afterStep:)`` with the support losses (summed over tasks) as tensors,
    /// so that a replayed step recomputes them.
    func adaptKeepingLosses(
        _ theta: ParameterList, to batch: RegressionBatch, steps: Int? = nil, afterStep: (ParameterList) -> Void = { _ in }
    ) -> (fast: ParameterList, summedSupportLosses: [Tensor]) {
        let count = steps ?? inner.steps
        var fast = theta.expanded(tasks: batch.taskCount)
        var losses: [Tensor] = []
        for step in 0..<count {
            let loss = Self.summedTaskLoss(model(batch.supportX, parameters: fast), batch.supportY)
            losses.append(loss)
            let g = gradients(of: loss, withRespectTo: fast.tensors, keepingGraph: order == .secondOrder)
            fast = fast.descending(g, stepSize: inner.stepSize)
            if step < count - 1 { afterStep(fast) }
        }
        losses.append(withoutRecording { Self.summedTaskLoss(model(batch.supportX, parameters: fast.detached()), batch.supportY) })
        return (fast, losses)
    }

    /// The meta-gradient of the mean query loss after adaptation (after the last step, or the
    /// mean over every step, as `objective` says), and that loss.
    ///
    /// This runs the dynamic tape; ``SineMetaStep`` replays the same computation.
    public func metaGradient(_ theta: ParameterList, batch: RegressionBatch) -> (gradients: [Tensor], metaLoss: Float, supportLosses: [Float]) {
        let r = metaGradientTensors(theta, batch: batch)
        return (r.gradients, r.metaLoss.scalar, r.summedSupportLosses.map { $0.scalar / Float(batch.taskCount) })
    }

    /// ``metaGradient(_:batch:)`` with its losses as tensors (support losses summed over tasks).
    func metaGradientTensors(_ theta: ParameterList, batch: RegressionBatch) -> (
        gradients: [Tensor], metaLoss: Tensor, summedSupportLosses: [Tensor]
    ) {
        let leaves = theta.detached().variables()
        func queryLoss(_ fast: ParameterList) -> Tensor {
            Self.summedTaskLoss(model(batch.queryX, parameters: fast), batch.queryY).scaled(by: 1 / Float(batch.taskCount))
        }
        var earlier: [Tensor] = []
        var step = 0
        let (fast, supportLosses) = adaptKeepingLosses(leaves, to: batch) { fast in
            step += 1
            if objective.counts(step: step, of: inner.steps) { earlier.append(queryLoss(fast)) }
        }
        let losses = earlier + [queryLoss(fast)]
        let metaLoss = losses.count == 1 ? losses[0] : losses.dropFirst().reduce(losses[0], +).scaled(by: 1 / Float(losses.count))
        return (gradients(of: metaLoss, withRespectTo: leaves.tensors), metaLoss, supportLosses)
    }

    /// Mean query MSE of the tasks in `batch` after 0...maxSteps inner steps (index = steps).
    public func queryErrors(_ theta: ParameterList, batch: RegressionBatch, maxSteps: Int) -> [Float] {
        queryErrorsByTask(theta, batch: batch, maxSteps: maxSteps).mean
    }

    /// The mean query MSE after 0...maxSteps inner steps (index = steps), and each task's own
    /// (`perTask[steps][task]`), to find the tasks an adaptation sends astray.
    public func queryErrorsByTask(_ theta: ParameterList, batch: RegressionBatch, maxSteps: Int) -> (mean: [Float], perTask: [[Float]]) {
        var fast = theta.detached().expanded(tasks: batch.taskCount)
        var (mean, perTask): ([Float], [[Float]]) = ([], [])
        for step in 0...maxSteps {
            let prediction = withoutRecording { model(batch.queryX, parameters: fast) }
            mean.append(withoutRecording { Self.summedTaskLoss(prediction, batch.queryY) }.scalar / Float(batch.taskCount))
            perTask.append(Self.taskErrors(prediction, batch.queryY))
            if step == maxSteps { break }
            let leaves = fast.variables()
            let loss = Self.summedTaskLoss(model(batch.supportX, parameters: leaves), batch.supportY)
            fast = fast.descending(gradients(of: loss, withRespectTo: leaves.tensors), stepSize: inner.stepSize)
        }
        return (mean, perTask)
    }

    /// Each task's mean squared error, for predictions and targets [tasks, k, 1].
    static func taskErrors(_ prediction: Tensor, _ target: Tensor) -> [Float] {
        let (tasks, k) = (target.shape[0], target.shape[1])
        let (p, t) = (prediction.scalars, target.scalars)
        return (0..<tasks).map { task in
            var sum: Float = 0
            for i in (task * k)..<((task + 1) * k) { sum += (p[i] - t[i]) * (p[i] - t[i]) }
            return sum / Float(k)
        }
    }
}

/// Support and query points of a batch of regression tasks, each [tasks, k, 1].
public struct RegressionBatch: Sendable {
    public var supportX, supportY, queryX, queryY: Tensor

    public init(supportX: Tensor, supportY: Tensor, queryX: Tensor, queryY: Tensor) {
        (self.supportX, self.supportY, self.queryX, self.queryY) = (supportX, supportY, queryX, queryY)
    }

    public var taskCount: Int { supportX.shape[0] }
}
