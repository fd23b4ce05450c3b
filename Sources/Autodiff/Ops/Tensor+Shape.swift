extension Tensor {
    /// The same elements under a new shape; one extent may be -1 to be inferred.
    public func reshaped(to newShape: [Int]) -> Tensor {
        var target = newShape
        if let unknown = newShape.firstIndex(of: -1) {
            let known = newShape.filter { $0 != -1 }.reduce(1, *)
            target[unknown] = known == 0 ? 0 : count / known
        }
        precondition(target.reduce(1, *) == count, "reshape: \(shape) cannot become \(newShape)")
        if target == shape { return self }
        let source = shape
        return Tensor.result(shape: target, scalars: scalars, input: self) { g in g.reshaped(to: source) }
    }

    /// The axes reordered: axis i of the result is axis `order[i]` of this tensor.
    public func permuted(_ order: [Int]) -> Tensor {
        precondition(order.sorted() == Array(0..<rank), "permute: \(order) is not a permutation of rank \(rank)")
        if order == Array(0..<rank) { return self }
        let outShape = order.map { shape[$0] }
        let inStrides = Shape.strides(shape)
        let gathered = order.map { inStrides[$0] }
        let loop = BroadcastLoop(output: outShape, aStrides: gathered, bStrides: [Int](repeating: 0, count: rank))
        let values = makeScalars(count) { out in
            scalars.withUnsafeBufferPointer { p in Tensor.permuteKernel(p.baseAddress!, out.baseAddress!, loop) }
        }
        var inverse = [Int](repeating: 0, count: rank)
        for (i, axis) in order.enumerated() { inverse[axis] = i }
        return Tensor.result(shape: outShape, scalars: values, input: self) { g in g.permuted(inverse) }
            .recorded(
                from: [self],
                kernel: { p, o in
                    let x = p[0]; return { Tensor.permuteKernel(x, o, loop) }
                })
    }

    @inline(__always)
    static func permuteKernel(_ p: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, _ loop: BroadcastLoop) {
        loop.forEachRow { o, ao, _, n, sa, _ in
            for i in 0..<n { out[o + i] = p[ao + i * sa] }
        }
    }

    /// The last two axes swapped.
    public func transposed() -> Tensor {
        precondition(rank >= 2, "transposed: needs rank 2 or more, got \(shape)")
        var order = Array(0..<rank)
        order.swapAt(rank - 1, rank - 2)
        return permuted(order)
    }

    /// A new axis of extent 1 at `axis`.
    public func expandingShape(at axis: Int) -> Tensor {
        var s = shape
        s.insert(1, at: axis < 0 ? axis + rank + 1 : axis)
        return reshaped(to: s)
    }

    /// The elements with index in `range` along `axis`.
    public func slice(alongAxis axis: Int, _ range: Range<Int>) -> Tensor {
        let a = Shape.axis(axis, rank: rank, op: "slice")
        precondition(range.lowerBound >= 0 && range.upperBound <= shape[a], "slice: \(range) out of 0..<\(shape[a]) on axis \(a) of \(shape)")
        var outShape = shape
        outShape[a] = range.count
        let outer = shape[..<a].reduce(1, *)
        let inner = shape[(a + 1)...].reduce(1, *)
        let extent = shape[a]
        func kernel(_ p: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
            for o in 0..<outer {
                let src = (o * extent + range.lowerBound) * inner
                let dst = o * range.count * inner
                for i in 0..<(range.count * inner) { out[dst + i] = p[src + i] }
            }
        }
        let values = makeScalars(outShape.reduce(1, *)) { out in
            scalars.withUnsafeBufferPointer { p in kernel(p.baseAddress!, out.baseAddress!) }
        }
        let source = shape
        return Tensor.result(shape: outShape, scalars: values, input: self) { g in
            g.padded(alongAxis: a, before: range.lowerBound, toExtent: source[a])
        }
        .recorded(
            from: [self],
            kernel: { p, o in
                let x = p[0]; return { kernel(x, o) }
            })
    }

    /// Zeros around this tensor along `axis` so that it starts at `before` in an axis of `extent`.
    func padded(alongAxis axis: Int, before: Int, toExtent extent: Int) -> Tensor {
        var outShape = shape
        outShape[axis] = extent
        let outer = shape[..<axis].reduce(1, *)
        let inner = shape[(axis + 1)...].reduce(1, *)
        let length = shape[axis]
        let total = outShape.reduce(1, *)
        func kernel(_ p: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
            out.update(repeating: 0, count: total)
            for o in 0..<outer {
                let dst = (o * extent + before) * inner
                let src = o * length * inner
                for i in 0..<(length * inner) { out[dst + i] = p[src + i] }
            }
        }
        let values = makeScalars(total) { out in
            scalars.withUnsafeBufferPointer { p in kernel(p.baseAddress!, out.baseAddress!) }
        }
        return Tensor.result(shape: outShape, scalars: values, input: self) { g in
            g.slice(alongAxis: axis, before..<(before + length))
        }
        .recorded(
            from: [self],
            kernel: { p, o in
                let x = p[0]; return { kernel(x, o) }
            })
    }

    /// Tensors joined along `axis`; all other extents must agree.
    public static func concatenate(_ parts: [Tensor], alongAxis axis: Int) -> Tensor {
        precondition(!parts.isEmpty, "concatenate: no tensors")
        let rank = parts[0].rank
        let a = Shape.axis(axis, rank: rank, op: "concatenate")
        for p in parts {
            precondition(
                p.rank == rank && (0..<rank).allSatisfy { $0 == a || p.shape[$0] == parts[0].shape[$0] },
                "concatenate: \(p.shape) does not fit \(parts[0].shape) along axis \(a)")
        }
        var outShape = parts[0].shape
        outShape[a] = parts.map { $0.shape[a] }.reduce(0, +)
        let outer = outShape[..<a].reduce(1, *)
        let inner = outShape[(a + 1)...].reduce(1, *)
        let extents = parts.map { $0.shape[a] }
        let row = outShape[a] * inner
        func copy(_ part: Int, _ src: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, at offset: Int) {
            let block = extents[part] * inner
            for o in 0..<outer {
                let dst = o * row + offset
                for i in 0..<block { out[dst + i] = src[o * block + i] }
            }
        }
        let values = makeScalars(outShape.reduce(1, *)) { out in
            var offset = 0
            for (index, p) in parts.enumerated() {
                p.scalars.withUnsafeBufferPointer { src in copy(index, src.baseAddress!, into: out.baseAddress!, at: offset) }
                offset += extents[index] * inner
            }
        }
        return result(shape: outShape, scalars: values, inputs: parts) { g in
            var start = 0
            return extents.map { e in
                defer { start += e }
                return g.slice(alongAxis: a, start..<(start + e))
            }
        }
        .recorded(
            from: parts,
            kernel: { sources, o in
                {
                    var offset = 0
                    for index in sources.indices {
                        copy(index, sources[index], into: o, at: offset)
                        offset += extents[index] * inner
                    }
                }
            })
    }

    /// Tensors of one shape stacked along a new axis.
    public static func stack(_ parts: [Tensor], alongAxis axis: Int = 0) -> Tensor {
        concatenate(parts.map { $0.expandingShape(at: axis) }, alongAxis: axis)
    }
}
