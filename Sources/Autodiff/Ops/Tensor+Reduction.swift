extension Tensor {
    /// The sum of all elements, as a rank-0 tensor.
    public func sum() -> Tensor {
        let n = count
        let total = scalars.withUnsafeBufferPointer { p in Tensor.sumKernel(p.baseAddress!, count: n) }
        let source = shape
        return Tensor.result(shape: [], scalars: [total], input: self) { g in g.broadcast(to: source) }
            .recorded(
                from: [self],
                kernel: { p, o in
                    let x = p[0]; return { o[0] = Tensor.sumKernel(x, count: n) }
                })
    }

    @inline(__always)
    static func sumKernel(_ p: UnsafePointer<Float>, count: Int) -> Float {
        var total: Float = 0
        for i in 0..<count { total += p[i] }
        return total
    }

    /// The mean of all elements, as a rank-0 tensor.
    public func mean() -> Tensor { sum().scaled(by: 1 / Float(Swift.max(count, 1))) }

    /// The sum over `axes`; kept as extent-1 axes when `keepingDimensions` is true.
    public func sum(alongAxes axes: [Int], keepingDimensions: Bool = false) -> Tensor {
        let normalized = Set(axes.map { Shape.axis($0, rank: rank, op: "sum") })
        let kept = shape.enumerated().map { normalized.contains($0.offset) ? 1 : $0.element }
        let reduced = sum(toShape: kept)
        if keepingDimensions { return reduced }
        return reduced.reshaped(to: shape.enumerated().filter { !normalized.contains($0.offset) }.map(\.element))
    }

    /// The sum along one axis.
    public func sum(alongAxis axis: Int, keepingDimensions: Bool = false) -> Tensor {
        sum(alongAxes: [axis], keepingDimensions: keepingDimensions)
    }

    /// The mean over `axes`.
    public func mean(alongAxes axes: [Int], keepingDimensions: Bool = false) -> Tensor {
        let n = axes.map { shape[Shape.axis($0, rank: rank, op: "mean")] }.reduce(1, *)
        return sum(alongAxes: axes, keepingDimensions: keepingDimensions).scaled(by: 1 / Float(Swift.max(n, 1)))
    }

    /// The mean along one axis.
    public func mean(alongAxis axis: Int, keepingDimensions: Bool = false) -> Tensor {
        mean(alongAxes: [axis], keepingDimensions: keepingDimensions)
    }

    /// The index of the largest element in each row of the last axis (no gradient).
    public func argmaxAlongLastAxis() -> [Int] {
        let n = shape.last ?? 1
        let rows = count / Swift.max(n, 1)
        return (0..<rows).map { r in
            var best = 0
            for j in 1..<n where scalars[r * n + j] > scalars[r * n + best] { best = j }
            return best
        }
    }
}
