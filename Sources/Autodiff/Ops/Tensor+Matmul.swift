extension Tensor {
    /// Matrix product of the last two axes, `op(a) · op(b)`, where op transposes when asked.
    ///
    /// Shapes: [m,k]·[k,n]; batched [B,m,k]·[B,k,n]; or [B,m,k]·[k,n] with `b` shared by the batch.
    public static func matmul(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false) -> Tensor {
        precondition(
            (a.rank == 2 || a.rank == 3) && (b.rank == 2 || b.rank == 3) && !(a.rank == 2 && b.rank == 3),
            "matmul: unsupported ranks \(a.shape) · \(b.shape)")
        let batch = a.rank == 3 ? a.shape[0] : 1
        if a.rank == 3 && b.rank == 3 {
            precondition(a.shape[0] == b.shape[0], "matmul: batch \(a.shape) vs \(b.shape)")
        }
        let (ar, ac) = (a.shape[a.rank - 2], a.shape[a.rank - 1])
        let (br, bc) = (b.shape[b.rank - 2], b.shape[b.rank - 1])
        let (m, k) = transposeA ? (ac, ar) : (ar, ac)
        let (k2, n) = transposeB ? (bc, br) : (br, bc)
        precondition(k == k2, "matmul: inner extents differ in \(a.shape)\(transposeA ? "ᵀ" : "") · \(b.shape)\(transposeB ? "ᵀ" : "")")
        let sharedB = b.rank == 2
        let outShape = a.rank == 3 ? [batch, m, n] : [m, n]
        let plan = MatmulPlan(
            batch: batch, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB, aRows: ar, aColumns: ac, bRows: br,
            bColumns: bc, sharedB: sharedB)
        let values = makeScalars(batch * m * n) { out in
            a.scalars.withUnsafeBufferPointer { pa in
                b.scalars.withUnsafeBufferPointer { pb in plan.run(pa.baseAddress!, pb.baseAddress!, out.baseAddress!) }
            }
        }
        return result(shape: outShape, scalars: values, inputs: [a, b]) { g in
            // C = op(A)·op(B): dop(A) = G·op(B)ᵀ, dop(B) = op(A)ᵀ·G, then undo the ops.
            var gradA: Tensor? = nil
            var gradB: Tensor? = nil
            if a.node != nil {
                gradA =
                    transposeA
                    ? matmul(b, g, transposeA: transposeB, transposeB: true)
                    : matmul(g, b, transposeA: false, transposeB: !transposeB)
            }
            if b.node != nil {
                if sharedB && a.rank == 3 {
                    // Sum over the batch by folding it into the rows of one product.
                    let a2 = transposeA ? a.transposed().reshaped(to: [batch * m, k]) : a.reshaped(to: [batch * m, k])
                    let g2 = g.reshaped(to: [batch * m, n])
                    gradB = transposeB ? matmul(g2, a2, transposeA: true) : matmul(a2, g2, transposeA: true)
                } else {
                    gradB =
                        transposeB
                        ? matmul(g, a, transposeA: true, transposeB: transposeA)
                        : matmul(a, g, transposeA: !transposeA, transposeB: false)
                }
            }
            return [gradA, gradB]
        }
        .recorded(
            from: [a, b],
            kernel: { p, o in
                let (pa, pb) = (p[0], p[1]); return { plan.run(pa, pb, o) }
            })
    }

    /// `self · other` for matrices (or batches of them).
    public func matmul(_ other: Tensor) -> Tensor { Tensor.matmul(self, other) }
}

/// The sgemm calls of one (batched) matrix product, fixed by its shapes.
struct MatmulPlan {
    let batch, m, n, k: Int
    let transposeA, transposeB: Bool
    let aRows, aColumns, bRows, bColumns: Int
    let sharedB: Bool

    @inline(__always)
    func run(_ pa: UnsafePointer<Float>, _ pb: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
        if k == 1 {
            outerProducts(pa, pb, out)
            return
        }
        if sharedB && !transposeA && batch > 1 {
            // One product for the whole batch: rows of all batch entries stacked.
            BLAS.sgemm(
                transposeA: false, transposeB: transposeB, m: batch * m, n: n, k: k,
                a: pa, lda: aColumns, b: pb, ldb: bColumns, c: out, ldc: n)
            return
        }
        for i in 0..<batch {
            BLAS.sgemm(
                transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                a: pa + i * aRows * aColumns, lda: aColumns,
                b: pb + (sharedB ? 0 : i * bRows * bColumns), ldb: bColumns,
                c: out + i * m * n, ldc: n)
        }
    }

    /// Products with an inner extent of 1 (a one-input layer, a one-output layer's gradient):
    /// every operand is a contiguous vector whatever the transposes, and each element is one
    /// product. A sgemm call costs more than the arithmetic here. `+ 0` gives BLAS's bits, whose
    /// kernels add the product to a zeroed accumulator (a −0 product becomes +0).
    private func outerProducts(_ pa: UnsafePointer<Float>, _ pb: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
        let width = FloatVector.scalarCount
        let vectors = n / width * width
        let zero = FloatVector(repeating: 0)
        for i in 0..<batch {
            let (a, b) = (pa + i * m, pb + (sharedB ? 0 : i * n))
            for r in 0..<m {
                let (row, x) = (out + (i * m + r) * n, a[r])
                let xv = FloatVector(repeating: x)
                var j = 0
                while j < vectors {
                    storeVector(xv * loadVector(b, j) + zero, row, j)
                    j += width
                }
                while j < n {
                    row[j] = x * b[j] + 0
                    j += 1
                }
            }
        }
    }
}
