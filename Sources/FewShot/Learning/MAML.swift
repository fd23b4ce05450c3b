import Autodiff
import NeuralNets

/// Model-Agnostic Meta-Learning (Finn et al., 2017) and its first-order approximation.
///
/// The inner loop takes SGD steps on a task's support loss, φ = θ − α∇L_support(θ); the outer
/// loss is the query loss at φ. With `.secondOrder` the inner gradients stay in the graph, so
/// the meta-gradient carries the (I − α H) factor; `.firstOrder` drops it.
public enum MAML {
    /// Whether the meta-gradient differentiates through the inner gradient.
    public enum Order: String, Sendable, Codable {
        case secondOrder = "second"
        case firstOrder = "first"
    }

    /// φ after `inner.steps` SGD steps from `parameters` (graph leaves, so that the steps can be
    /// differentiated) on `objective`'s support loss. When `tracingQuery` is true the query loss,
    /// accuracy and predictions are also recorded before every step and after the last; a probe
    /// of the objective always is.
    public static func adapt(
        _ parameters: ParameterList, to objective: TaskObjective, inner: InnerLoop, order: Order,
        tracingQuery: Bool = false
    ) -> (fast: ParameterList, trace: AdaptationTrace) {
        var fast = parameters
        var trace = AdaptationTrace()
        func traceQuery() {
            if let probe = objective.probe { trace.probeOutputs.append(withoutRecording { probe(fast.detached()) }) }
            guard tracingQuery else { return }
            let (loss, accuracy) = withoutRecording { objective.query(fast.detached()) }
            trace.queryLosses.append(loss.scalar)
            if let accuracy { trace.queryAccuracies.append(accuracy) }
            if let predict = objective.queryPredictions { trace.queryPredictions.append(withoutRecording { predict(fast.detached()) }) }
        }
        for step in 0..<inner.steps {
            traceQuery()
            let (loss, _) = objective.supportBatch(step, fast)
            trace.supportLosses.append(loss.scalar)
            let g = gradients(of: loss, withRespectTo: fast.tensors, keepingGraph: order == .secondOrder)
            fast = fast.descending(g, stepSize: inner.stepSize)
        }
        traceQuery()
        trace.supportLosses.append(withoutRecording { objective.supportBatch(inner.steps, fast.detached()).loss.scalar })
        return (fast, trace)
    }

    /// The result of one meta-batch.
    public struct MetaStep {
        /// Gradient of the mean query loss with respect to θ.
        public var gradients: [Tensor]
        /// Mean query loss after adaptation.
        public var metaLoss: Float
        /// Mean query accuracy after adaptation, for classification.
        public var queryAccuracy: Float?
        /// Each task's inner-loop curves.
        public var traces: [AdaptationTrace]
    }

    /// Meta-gradient of the mean post-adaptation query loss over `tasks`. Tasks run on the
    /// engine's worker threads, each with its own graph (so memory holds one graph per worker),
    /// and their gradients are summed in task order, so the result does not depend on the threads.
    public static func metaStep(
        _ theta: ParameterList, tasks: [TaskObjective], inner: InnerLoop, order: Order, tracingQuery: Bool = false
    ) -> MetaStep {
        let scale = 1 / Float(tasks.count)
        let perTask = concurrentMap(tasks.count) { t in
            let task = tasks[t]
            let leaves = theta.detached().variables()
            let (fast, trace) = adapt(leaves, to: task, inner: inner, order: order, tracingQuery: tracingQuery)
            let (queryLoss, accuracy) = task.query(fast)
            let g = gradients(of: queryLoss.scaled(by: scale), withRespectTo: leaves.tensors)
            return (gradients: g, loss: queryLoss.scalar, accuracy: accuracy, trace: trace)
        }
        var total: [Tensor]? = nil
        var lossSum: Float = 0
        for result in perTask {
            total = total.map { sum in zip(sum, result.gradients).map { a, b in a + b } } ?? result.gradients
            lossSum += result.loss
        }
        let accuracies = perTask.compactMap(\.accuracy)
        return MetaStep(
            gradients: total ?? theta.tensors.map { Tensor(zeros: $0.shape) }, metaLoss: lossSum * scale,
            queryAccuracy: accuracies.isEmpty ? nil : accuracies.reduce(0, +) / Float(accuracies.count), traces: perTask.map(\.trace))
    }
}
