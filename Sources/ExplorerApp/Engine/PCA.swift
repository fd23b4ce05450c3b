/// Principal component analysis down to two dimensions, for drawing embeddings in the plane.
/// Power iteration on the covariance: 64 features need nothing heavier, and it is deterministic.
enum PCA {
    /// Projects several groups of row-major `features`-wide rows with components fitted to all
    /// of them together; returns the 2-D points per group and the share of variance explained.
    static func project(_ groups: [[Float]], features d: Int) -> (groups: [[SinePoint]], explained: Float) {
        let rows = groups.flatMap { $0 }
        let n = d > 0 ? rows.count / d : 0
        guard n > 0, d > 0 else { return (groups.map { _ in [] }, 0) }
        var mean = [Double](repeating: 0, count: d)
        for r in 0..<n { for j in 0..<d { mean[j] += Double(rows[r * d + j]) } }
        for j in 0..<d { mean[j] /= Double(n) }
        var covariance = [Double](repeating: 0, count: d * d)
        for r in 0..<n {
            for i in 0..<d {
                let a = Double(rows[r * d + i]) - mean[i]
                guard a != 0 else { continue }
                for j in i..<d { covariance[i * d + j] += a * (Double(rows[r * d + j]) - mean[j]) }
            }
        }
        for i in 0..<d { for j in i..<d { covariance[i * d + j] /= Double(n); covariance[j * d + i] = covariance[i * d + j] } }
        let trace = (0..<d).reduce(0.0) { $0 + covariance[$1 * d + $1] }
        let (v1, l1) = leadingEigenvector(covariance, d: d, orthogonalTo: nil)
        let (v2, l2) = leadingEigenvector(covariance, d: d, orthogonalTo: v1)
        let projected = groups.map { group -> [SinePoint] in
            stride(from: 0, to: group.count - d + 1, by: d).map { start in
                var x = 0.0, y = 0.0
                for j in 0..<d {
                    let centred = Double(group[start + j]) - mean[j]
                    x += centred * v1[j]
                    y += centred * v2[j]
                }
                return SinePoint(x: Float(x), y: Float(y))
            }
        }
        return (projected, trace > 0 ? Float((l1 + l2) / trace) : 0)
    }

    private static func leadingEigenvector(_ m: [Double], d: Int, orthogonalTo other: [Double]?) -> ([Double], Double) {
        // A fixed, non-degenerate start vector keeps the result reproducible.
        var v = (0..<d).map { 1 + Double($0 % 7) * 0.1 }
        var eigenvalue = 0.0
        for _ in 0..<200 {
            if let other { let dot = zip(v, other).reduce(0) { $0 + $1.0 * $1.1 }; for j in 0..<d { v[j] -= dot * other[j] } }
            var w = [Double](repeating: 0, count: d)
            for i in 0..<d { var s = 0.0; for j in 0..<d { s += m[i * d + j] * v[j] }; w[i] = s }
            let norm = w.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 1e-12 else { break }
            eigenvalue = norm
            v = w.map { $0 / norm }
        }
        // Signs are arbitrary; fix them so the picture does not flip between runs.
        if let largest = v.indices.max(by: { abs(v[$0]) < abs(v[$1]) }), v[largest] < 0 { v = v.map { -$0 } }
        return (v, eigenvalue)
    }
}
