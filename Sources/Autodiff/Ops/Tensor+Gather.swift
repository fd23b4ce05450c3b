extension Tensor {
    /// Rows of this tensor picked by index along axis 0: `result[i] = self[indices[i]]`.
    public func gathering(rows indices: [Int]) -> Tensor {
        let rows = shape.first ?? 0
        let inner = rank == 0 ? 1 : count / Swift.max(rows, 1)
        var outShape = shape
        outShape[0] = indices.count
        let values = makeScalars(indices.count * inner) { out in
            scalars.withUnsafeBufferPointer { p in
                for (i, index) in indices.enumerated() {
                    precondition(index >= 0 && index < rows, "gather: index \(index) out of 0..<\(rows)")
                    for j in 0..<inner { out[i * inner + j] = p[index * inner + j] }
                }
            }
        }
        return Tensor.result(shape: outShape, scalars: values, input: self) { g in
            g.scatteringAdd(rows: indices, rowCount: rows)
        }
    }

    /// The adjoint of ``gathering(rows:)``: row i of this tensor added into row `indices[i]`
    /// of a zero tensor with `rowCount` rows.
    public func scatteringAdd(rows indices: [Int], rowCount: Int) -> Tensor {
        let inner = count / Swift.max(shape[0], 1)
        var outShape = shape
        outShape[0] = rowCount
        let values = makeScalars(rowCount * inner) { out in
            out.initialize(repeating: 0)
            scalars.withUnsafeBufferPointer { p in
                for (i, index) in indices.enumerated() {
                    for j in 0..<inner { out[index * inner + j] += p[i * inner + j] }
                }
            }
        }
        return Tensor.result(shape: outShape, scalars: values, input: self) { g in g.gathering(rows: indices) }
    }

    /// Per row of the last axis, the element at `indices[row]`: shape drops the last axis.
    public func picking(indices: [Int]) -> Tensor {
        let n = shape.last ?? 1
        let rows = count / Swift.max(n, 1)
        precondition(indices.count == rows, "picking: \(indices.count) indices for \(rows) rows of \(shape)")
        let flat = indices.enumerated().map { row, index in
            precondition(index >= 0 && index < n, "picking: index \(index) out of 0..<\(n)")
            return row * n + index
        }
        return reshaped(to: [count, 1]).gathering(rows: flat).reshaped(to: Array(shape.dropLast()))
    }
}
