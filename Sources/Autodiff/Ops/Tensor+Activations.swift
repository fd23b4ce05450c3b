import Foundation

extension Tensor {
    /// Element-wise logistic function 1 / (1 + e^−x), computed without overflow for large |x|.
    public func sigmoid() -> Tensor {
        let values = mapScalars(Tensor.logistic)
        return Tensor.result(shape: shape, scalars: values, input: self) { g in
            // σ' = σ(1 − σ); σ is recomputed from x while recording so the rule stays differentiable.
            let s = GradientRecording.isEnabled && self.node != nil ? self.sigmoid() : Tensor(shape: self.shape, scalars: values)
            return g * s * (-s + 1)
        }
        .recorded(from: [self], kernel: Tensor.mapBuilder(count: count, Tensor.logistic))
    }

    /// 1 / (1 + e^−x) without overflow for large |x|.
    @inline(__always)
    static func logistic(_ x: Float) -> Float {
        x >= 0 ? 1 / (1 + Foundation.exp(-x)) : Foundation.exp(x) / (1 + Foundation.exp(x))
    }

    /// Element-wise hyperbolic tangent.
    public func tanh() -> Tensor {
        let values = mapScalars { Foundation.tanh($0) }
        return Tensor.result(shape: shape, scalars: values, input: self) { g in
            let t = GradientRecording.isEnabled && self.node != nil ? self.tanh() : Tensor(shape: self.shape, scalars: values)
            return g * (-(t * t) + 1)
        }
        .recorded(from: [self], kernel: Tensor.mapBuilder(count: count) { Foundation.tanh($0) })
    }

    /// Element-wise |x|. Its gradient is sign(x) (0 at 0), a constant, so second order is exact
    /// everywhere but at 0.
    public func abs() -> Tensor {
        let values = mapScalars { Swift.abs($0) }
        return Tensor.result(shape: shape, scalars: values, input: self) { g in g * self.sign() }
            .recorded(from: [self], kernel: Tensor.mapBuilder(count: count) { Swift.abs($0) })
    }

    /// Element-wise sign: −1, 0 or 1; a constant.
    public func sign() -> Tensor {
        Tensor(shape: shape, scalars: mapScalars { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) })
            .recorded(from: [self], kernel: Tensor.mapBuilder(count: count) { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) })
    }

    /// log(1 + e^x), stably: max(x, 0) + log(1 + e^−|x|).
    public func softplus() -> Tensor {
        relu() + ((-abs()).exp() + 1).log()
    }
}
