import Testing

@testable import Autodiff

/// Finite-difference checks of first and second derivatives along random directions.
enum GradientCheck {
    /// A fixed random weighting so that any tensor-valued function becomes a scalar loss.
    static func weighted(_ y: Tensor, seed: UInt64 = 99) -> Tensor {
        var rng = SeededGenerator(seed: seed)
        return (y * Tensor.randomNormal(shape: y.shape, using: &rng)).sum()
    }

    static func dot(_ a: [Tensor], _ b: [Tensor]) -> Double {
        var total: Double = 0
        for (x, y) in zip(a, b) {
            for (u, v) in zip(x.scalars, y.scalars) { total += Double(u) * Double(v) }
        }
        return total
    }

    static func moved(_ xs: [Tensor], _ ds: [Tensor], _ step: Float) -> [Tensor] {
        zip(xs, ds).map { x, d in Tensor(shape: x.shape, scalars: zip(x.scalars, d.scalars).map { $0 + step * $1 }) }
    }

    static func directions(like xs: [Tensor], seed: UInt64) -> [Tensor] {
        var rng = SeededGenerator(seed: seed)
        return xs.map { Tensor.randomNormal(shape: $0.shape, using: &rng) }
    }

    /// Checks <∇f(x), d> against (f(x+εd) − f(x−εd)) / 2ε.
    static func first(
        _ inputs: [Tensor], epsilon: Float = 1e-2, tolerance: Double = 2e-2,
        sourceLocation: SourceLocation = #_sourceLocation, _ f: ([Tensor]) -> Tensor
    ) {
        let xs = inputs.map { $0.variable() }
        let grads = gradients(of: f(xs), withRespectTo: xs)
        for trial in 0..<3 {
            let ds = directions(like: inputs, seed: UInt64(7 + trial))
            let analytic = dot(grads, ds)
            let plus = Double(withoutRecording { f(moved(inputs, ds, epsilon)) }.scalar)
            let minus = Double(withoutRecording { f(moved(inputs, ds, -epsilon)) }.scalar)
            let numeric = (plus - minus) / Double(2 * epsilon)
            let scale = max(1, abs(numeric), abs(analytic))
            #expect(
                abs(analytic - numeric) / scale < tolerance,
                "directional derivative: analytic \(analytic), numeric \(numeric)", sourceLocation: sourceLocation)
        }
    }

    /// Checks dᵀ H v (through `keepingGraph: true`) against finite differences of <∇f, v>.
    static func second(
        _ inputs: [Tensor], epsilon: Float = 1e-2, tolerance: Double = 3e-2,
        sourceLocation: SourceLocation = #_sourceLocation, _ f: ([Tensor]) -> Tensor
    ) {
        let vs = directions(like: inputs, seed: 1234)
        func gradDotV(_ at: [Tensor]) -> Double {
            let xs = at.map { $0.variable() }
            return dot(gradients(of: f(xs), withRespectTo: xs), vs)
        }
        let xs = inputs.map { $0.variable() }
        let grads = gradients(of: f(xs), withRespectTo: xs, keepingGraph: true)
        var inner = Tensor(0)
        for (g, v) in zip(grads, vs) { inner = inner + (g * v).sum() }
        let hv = gradients(of: inner, withRespectTo: xs)
        let ds = directions(like: inputs, seed: 77)
        let analytic = dot(hv, ds)
        let numeric = (gradDotV(moved(inputs, ds, epsilon)) - gradDotV(moved(inputs, ds, -epsilon))) / Double(2 * epsilon)
        let scale = max(1, abs(numeric), abs(analytic))
        #expect(
            abs(analytic - numeric) / scale < tolerance,
            "Hessian-vector product: analytic \(analytic), numeric \(numeric)", sourceLocation: sourceLocation)
    }

    static func random(_ shape: [Int], seed: UInt64, scale: Float = 1) -> Tensor {
        var rng = SeededGenerator(seed: seed)
        return Tensor.randomNormal(shape: shape, standardDeviation: scale, using: &rng)
    }

    static func positive(_ shape: [Int], seed: UInt64) -> Tensor {
        var rng = SeededGenerator(seed: seed)
        return Tensor.randomUniform(shape: shape, in: 0.5...2, using: &rng)
    }
}
