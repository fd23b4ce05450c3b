import Autodiff
import NeuralNets

/// Fine-tunes a sine model on a support set with plain SGD, recording its predictions on a
/// grid after every step: exactly MAML's inner loop at test time.
enum SineAdaptation {
    /// Points of the x grid over [−5, 5].
    static let gridSize = 161

    static func curves(for request: SineRequest, models: SineModels) -> SineCurves? {
        guard let meta = models.meta, !request.support.isEmpty else { return nil }
        let xs = (0..<gridSize).map { -5 + 10 * Float($0) / Float(gridSize - 1) }
        let truth = xs.map { request.wave($0) }
        let adapted = trajectory(meta, request: request, grid: xs)
        let baseline = models.baseline.map { trajectory($0, request: request, grid: xs) }
        return SineCurves(id: request.id, xs: xs, truth: truth, adapted: adapted, baseline: baseline,
                          adaptedError: adapted.map { meanSquaredError($0, truth) },
                          baselineError: baseline.map { $0.map { meanSquaredError($0, truth) } },
                          modelCaption: models.metaCaption)
    }

    /// Predictions on `grid` after 0...steps SGD steps on the support points.
    static func trajectory(_ theta: ParameterList, request: SineRequest, grid: [Float]) -> [[Float]] {
        let model = SineMLP()
        let k = request.support.count
        let x = Tensor(shape: [k, 1], scalars: request.support.map(\.x))
        let y = Tensor(shape: [k, 1], scalars: request.support.map(\.y))
        let gridX = Tensor(shape: [grid.count, 1], scalars: grid)
        var fast = theta.detached()
        var out: [[Float]] = []
        for step in 0...request.steps {
            out.append(withoutRecording { model(gridX, parameters: fast) }.scalars)
            if step == request.steps { break }
            let leaves = fast.variables()
            let loss = (model(x, parameters: leaves) - y).squared().sum().scaled(by: 1 / Float(k))
            fast = leaves.descending(gradients(of: loss, withRespectTo: leaves.tensors), stepSize: request.alpha).detached()
        }
        return out
    }

    static func meanSquaredError(_ a: [Float], _ b: [Float]) -> Float {
        guard !a.isEmpty else { return 0 }
        var sum: Float = 0
        for (p, t) in zip(a, b) { sum += (p - t) * (p - t) }
        return sum / Float(a.count)
    }
}
