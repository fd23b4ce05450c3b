extension Tensor {
    /// Cosine similarity between the rows of `a` [n, d] and the rows of `b` [m, d]: [n, m]; or,
    /// batched, between the rows of `a` [B, n, d] and those of `b` [B, m, d] of the same batch
    /// entry: [B, n, m] (a memory network's keys against its memory slots).
    /// `epsilon` keeps an all-zero row (a dead ReLU embedding, an empty slot) from dividing by zero.
    public static func pairwiseCosineSimilarities(_ a: Tensor, _ b: Tensor, epsilon: Float = 1e-8) -> Tensor {
        precondition(
            (a.rank == 2 && b.rank == 2 || a.rank == 3 && b.rank == 3 && a.shape[0] == b.shape[0]) && a.shape.last == b.shape.last,
            "pairwiseCosineSimilarities: \(a.shape) vs \(b.shape)")
        let aNorm = (a.squared().sum(alongAxis: -1, keepingDimensions: true) + epsilon).sqrt()  // [(B,) n, 1]
        let bNorm = (b.squared().sum(alongAxis: -1, keepingDimensions: true) + epsilon).sqrt().transposed()  // [(B,) 1, m]
        return matmul(a, b, transposeB: true) / (aNorm * bNorm)
    }

    /// Mean binary cross-entropy of logits against targets in [0, 1] of the same shape, computed
    /// from the logits (softplus(x) − y·x) so that saturated sigmoids keep their gradient.
    public func binaryCrossEntropy(logitsAgainst targets: Tensor) -> Tensor {
        precondition(shape == targets.shape, "binaryCrossEntropy: \(shape) vs \(targets.shape)")
        return (softplus() - self * targets).mean()
    }
}
