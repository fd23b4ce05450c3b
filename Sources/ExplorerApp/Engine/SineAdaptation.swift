import Autodiff
import FewShot
import NeuralNets

/// Fine-tunes a sine model on a support set with plain SGD, recording its predictions on a
/// grid after every step: exactly MAML's inner loop at test time, run by FewShot.
enum SineAdaptation {
    /// Points of the x grid over [−5, 5].
    static let gridSize = 161

    static func curves(for request: SineRequest, models: SineModels) -> SineCurves? {
        guard let meta = models.meta, !request.support.isEmpty else { return nil }
        let xs = (0..<gridSize).map { -5 + 10 * Float($0) / Float(gridSize - 1) }
        let truth = xs.map { request.wave($0) }
        let adapted = trajectory(meta, of: models.metaNetwork, request: request, grid: xs)
        let baseline = models.baseline.map { trajectory($0, of: models.baselineNetwork, request: request, grid: xs) }
        return SineCurves(
            id: request.id, xs: xs, truth: truth, adapted: adapted, baseline: baseline,
            adaptedError: adapted.map { meanSquaredError($0, truth) },
            baselineError: baseline.map { $0.map { meanSquaredError($0, truth) } },
            modelCaption: models.metaCaption)
    }

    /// Predictions on `grid` after 0...steps SGD steps on the support points (FewShot's
    /// fine-tuning, probed on the grid).
    static func trajectory(_ theta: ParameterList, of model: SineMLP, request: SineRequest, grid: [Float]) -> [[Float]] {
        let k = request.support.count
        let support = (x: Tensor(shape: [k, 1], scalars: request.support.map(\.x)), y: Tensor(shape: [k, 1], scalars: request.support.map(\.y)))
        let gridX = Tensor(shape: [grid.count, 1], scalars: grid)
        // The screen has no query set: the grid is what it looks at, so the query is not traced.
        let task = TaskObjective.regression(model, support: support, query: support).probing { model(gridX, parameters: $0).scalars }
        return MAML.fineTuning(theta, on: task, inner: InnerLoop(steps: request.steps, stepSize: request.alpha), tracingQuery: false).probeOutputs
    }

    static func meanSquaredError(_ a: [Float], _ b: [Float]) -> Float {
        guard !a.isEmpty else { return 0 }
        var sum: Float = 0
        for (p, t) in zip(a, b) { sum += (p - t) * (p - t) }
        return sum / Float(a.count)
    }
}
