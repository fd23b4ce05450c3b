import Foundation

extension Tensor {
    /// log(softmax(x)) along the last axis, computed stably.
    public func logSoftmax() -> Tensor {
        let n = shape.last ?? 1
        let rows = count / Swift.max(n, 1)
        let values = makeScalars(count) { out in
            scalars.withUnsafeBufferPointer { p in
                for r in 0..<rows {
                    let base = r * n
                    var m = -Float.infinity
                    for j in 0..<n { m = Swift.max(m, p[base + j]) }
                    var s: Float = 0
                    for j in 0..<n { s += Foundation.exp(p[base + j] - m) }
                    let lse = m + Foundation.log(s)
                    for j in 0..<n { out[base + j] = p[base + j] - lse }
                }
            }
        }
        let plain = Tensor(shape: shape, scalars: values)
        return Tensor.result(shape: shape, scalars: values, input: self) { g in
            // d/dx: g - softmax · Σg. softmax is recomputed from x while recording (second order).
            let softmax = GradientRecording.isEnabled && self.node != nil ? self.logSoftmax().exp() : plain.exp()
            return g - softmax * g.sum(alongAxis: -1, keepingDimensions: true)
        }
    }

    /// softmax along the last axis.
    public func softmax() -> Tensor { logSoftmax().exp() }

    /// softmax along `axis`: another axis is swapped with the last one, normalised there, and
    /// swapped back (the swap is its own inverse, and its gradient a swap too).
    public func softmax(alongAxis axis: Int) -> Tensor {
        let a = Shape.axis(axis, rank: rank, op: "softmax")
        if a == rank - 1 { return softmax() }
        var order = Array(0..<rank)
        order.swapAt(a, rank - 1)
        return permuted(order).softmax().permuted(order)
    }

    /// Mean cross-entropy of rows of logits against integer class labels.
    public func crossEntropy(labels: [Int]) -> Tensor {
        -logSoftmax().picking(indices: labels).mean()
    }

    /// Mean squared error against a target of the same shape.
    public func meanSquaredError(_ target: Tensor) -> Tensor {
        precondition(shape == target.shape, "meanSquaredError: \(shape) vs \(target.shape)")
        return (self - target).squared().mean()
    }

    /// Squared Euclidean distances between the rows of `a` [n, d] and the rows of `b` [m, d]: [n, m].
    public static func pairwiseSquaredDistances(_ a: Tensor, _ b: Tensor) -> Tensor {
        precondition(
            a.rank == 2 && b.rank == 2 && a.shape[1] == b.shape[1],
            "pairwiseSquaredDistances: \(a.shape) vs \(b.shape)")
        let aa = a.squared().sum(alongAxis: 1, keepingDimensions: true)  // [n,1]
        let bb = b.squared().sum(alongAxis: 1).reshaped(to: [1, b.shape[0]])  // [1,m]
        return aa + bb - matmul(a, b, transposeB: true).scaled(by: 2)
    }

    /// The fraction of rows whose largest logit is at the label.
    public func accuracy(labels: [Int]) -> Float {
        let predicted = argmaxAlongLastAxis()
        let hits = zip(predicted, labels).filter { $0 == $1 }.count
        return Float(hits) / Float(Swift.max(labels.count, 1))
    }
}
