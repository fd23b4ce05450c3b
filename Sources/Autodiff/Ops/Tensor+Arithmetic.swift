// MARK: - Binary kernels

protocol BinaryFunction {
    static func apply(_ a: Float, _ b: Float) -> Float
    /// The same function on eight lanes at once (IEEE operations give the scalar's bits).
    static func apply(_ a: FloatVector, _ b: FloatVector) -> FloatVector
}
enum AddFunction: BinaryFunction {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a + b }
    @inline(__always) static func apply(_ a: FloatVector, _ b: FloatVector) -> FloatVector { a + b }
}
enum SubtractFunction: BinaryFunction {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a - b }
    @inline(__always) static func apply(_ a: FloatVector, _ b: FloatVector) -> FloatVector { a - b }
}
enum MultiplyFunction: BinaryFunction {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a * b }
    @inline(__always) static func apply(_ a: FloatVector, _ b: FloatVector) -> FloatVector { a * b }
}
enum DivideFunction: BinaryFunction {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a / b }
    @inline(__always) static func apply(_ a: FloatVector, _ b: FloatVector) -> FloatVector { a / b }
}

extension BinaryFunction {
    /// `out[i] = f(a[i], b[i])` for a run of `n`; a step of 0 repeats that operand's first element.
    /// Written with vectors: the compiler does not vectorize these loops inside a replayed closure.
    @inline(__always)
    static func run(
        _ a: UnsafePointer<Float>, _ aStep: Int, _ b: UnsafePointer<Float>, _ bStep: Int, _ out: UnsafeMutablePointer<Float>, _ n: Int
    ) {
        let width = FloatVector.scalarCount
        let vectors = n / width * width
        var i = 0
        if aStep == 1 && bStep == 1 {
            while i < vectors {
                storeVector(apply(loadVector(a, i), loadVector(b, i)), out, i)
                i += width
            }
            while i < n {
                out[i] = apply(a[i], b[i])
                i += 1
            }
        } else if aStep == 1 && bStep == 0 {
            let v = b[0]
            let vv = FloatVector(repeating: v)
            while i < vectors {
                storeVector(apply(loadVector(a, i), vv), out, i)
                i += width
            }
            while i < n {
                out[i] = apply(a[i], v)
                i += 1
            }
        } else if aStep == 0 && bStep == 1 {
            let v = a[0]
            let vv = FloatVector(repeating: v)
            while i < vectors {
                storeVector(apply(vv, loadVector(b, i)), out, i)
                i += width
            }
            while i < n {
                out[i] = apply(v, b[i])
                i += 1
            }
        } else {
            for i in 0..<n { out[i] = apply(a[i * aStep], b[i * bStep]) }
        }
    }
}

/// How a binary operation walks its operands: one flat pass when their shapes agree, else the
/// rows of their broadcast. Made once per operation; a replayed step keeps it.
struct BinaryPlan {
    let shape: [Int]
    let count: Int
    /// Nil when both operands have the result's shape.
    let loop: BroadcastLoop?

    init(_ a: [Int], _ b: [Int], op: String) {
        if a == b {
            (shape, loop) = (a, nil)
        } else {
            guard let shape = Shape.broadcast(a, b) else { preconditionFailure("\(op): shapes \(a) and \(b) do not broadcast") }
            self.shape = shape
            loop = BroadcastLoop(output: shape, aStrides: Shape.broadcastStrides(a, to: shape), bStrides: Shape.broadcastStrides(b, to: shape))
        }
        count = shape.reduce(1, *)
    }

    @inline(__always)
    func run<F: BinaryFunction>(_ pa: UnsafePointer<Float>, _ pb: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, _: F.Type) {
        guard let loop else {
            F.run(pa, 1, pb, 1, out, count)
            return
        }
        loop.forEachRow { o, ao, bo, n, sa, sb in F.run(pa + ao, sa, pb + bo, sb, out + o, n) }
    }
}

extension Tensor {
    /// `F` applied element-wise with broadcasting, recorded with `backward` (and for replay).
    @inline(__always)
    static func binary<F: BinaryFunction>(
        _ a: Tensor, _ b: Tensor, _: F.Type, op: String, backward: @escaping (Tensor) -> [Tensor?]
    ) -> Tensor {
        let plan = BinaryPlan(a.shape, b.shape, op: op)
        let values = makeScalars(plan.count) { out in
            a.scalars.withUnsafeBufferPointer { pa in
                b.scalars.withUnsafeBufferPointer { pb in plan.run(pa.baseAddress!, pb.baseAddress!, out.baseAddress!, F.self) }
            }
        }
        return result(shape: plan.shape, scalars: values, inputs: [a, b], backward: backward)
            .recorded(
                from: [a, b],
                kernel: { p, o in
                    let (pa, pb) = (p[0], p[1]); return { plan.run(pa, pb, o, F.self) }
                })
    }

    /// `f` applied to every element of `input` into `out`; the one element-wise map loop.
    @inline(__always)
    static func mapKernel(_ input: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, count: Int, _ f: (Float) -> Float) {
        parallelChunks(count, work: count) { range in for i in range { out[i] = f(input[i]) } }
    }

    /// The replay of an element-wise map over one input of `count` elements.
    static func mapBuilder(count: Int, _ f: @escaping (Float) -> Float) -> StepRecorder.KernelBuilder {
        { p, o in
            let x = p[0]; return { mapKernel(x, o, count: count, f) }
        }
    }
}

// MARK: - Broadcasting arithmetic

extension Tensor {
    /// Element-wise sum with NumPy broadcasting.
    public static func + (a: Tensor, b: Tensor) -> Tensor {
        binary(a, b, AddFunction.self, op: "add") { g in
            [g.sum(toShape: a.shape), g.sum(toShape: b.shape)]
        }
    }

    /// Element-wise difference with NumPy broadcasting.
    public static func - (a: Tensor, b: Tensor) -> Tensor {
        binary(a, b, SubtractFunction.self, op: "subtract") { g in
            [g.sum(toShape: a.shape), (-g).sum(toShape: b.shape)]
        }
    }

    /// Element-wise product with NumPy broadcasting.
    public static func * (a: Tensor, b: Tensor) -> Tensor {
        binary(a, b, MultiplyFunction.self, op: "multiply") { g in
            [a.node == nil ? nil : (g * b).sum(toShape: a.shape), b.node == nil ? nil : (g * a).sum(toShape: b.shape)]
        }
    }

    /// Element-wise quotient with NumPy broadcasting.
    public static func / (a: Tensor, b: Tensor) -> Tensor {
        binary(a, b, DivideFunction.self, op: "divide") { g in
            [
                a.node == nil ? nil : (g / b).sum(toShape: a.shape),
                b.node == nil ? nil : (-(g * a) / (b * b)).sum(toShape: b.shape)
            ]
        }
    }

    /// Element-wise negation.
    public static prefix func - (a: Tensor) -> Tensor { a.scaled(by: -1) }

    /// Every element multiplied by a constant.
    public func scaled(by factor: Float) -> Tensor {
        let n = count
        let values = makeScalars(n) { out in
            scalars.withUnsafeBufferPointer { p in Tensor.scaleKernel(p.baseAddress!, out.baseAddress!, count: n, factor) }
        }
        return Tensor.result(shape: shape, scalars: values, input: self) { g in g.scaled(by: factor) }
            .recorded(
                from: [self],
                kernel: { p, o in
                    let x = p[0]; return { Tensor.scaleKernel(x, o, count: n, factor) }
                })
    }

    /// Every element plus a constant.
    public func shifted(by offset: Float) -> Tensor {
        let n = count
        let values = makeScalars(n) { out in
            scalars.withUnsafeBufferPointer { p in Tensor.shiftKernel(p.baseAddress!, out.baseAddress!, count: n, offset) }
        }
        return Tensor.result(shape: shape, scalars: values, input: self) { g in g }
            .recorded(
                from: [self],
                kernel: { p, o in
                    let x = p[0]; return { Tensor.shiftKernel(x, o, count: n, offset) }
                })
    }

    @inline(__always)
    static func scaleKernel(_ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, count: Int, _ factor: Float) {
        for i in 0..<count { out[i] = x[i] * factor }
    }

    @inline(__always)
    static func shiftKernel(_ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, count: Int, _ offset: Float) {
        for i in 0..<count { out[i] = x[i] + offset }
    }

    public static func * (a: Tensor, b: Float) -> Tensor { a.scaled(by: b) }
    public static func * (a: Float, b: Tensor) -> Tensor { b.scaled(by: a) }
    public static func / (a: Tensor, b: Float) -> Tensor { a.scaled(by: 1 / b) }
    public static func + (a: Tensor, b: Float) -> Tensor { a.shifted(by: b) }
    public static func - (a: Tensor, b: Float) -> Tensor { a.shifted(by: -b) }
}

// MARK: - Broadcast and its adjoint

extension Tensor {
    /// This tensor repeated along axes of extent 1 (and new leading axes) to `target`.
    public func broadcast(to target: [Int]) -> Tensor {
        if target == shape { return self }
        guard Shape.broadcast(shape, target) == target else {
            preconditionFailure("broadcast: \(shape) cannot broadcast to \(target)")
        }
        let loop = BroadcastLoop(
            output: target, aStrides: Shape.broadcastStrides(shape, to: target), bStrides: [Int](repeating: 0, count: target.count))
        let values = makeScalars(target.reduce(1, *)) { out in
            scalars.withUnsafeBufferPointer { p in Tensor.broadcastKernel(p.baseAddress!, out.baseAddress!, loop) }
        }
        let source = shape
        return Tensor.result(shape: target, scalars: values, input: self) { g in g.sum(toShape: source) }
            .recorded(
                from: [self],
                kernel: { p, o in
                    let x = p[0]; return { Tensor.broadcastKernel(x, o, loop) }
                })
    }

    @inline(__always)
    static func broadcastKernel(_ p: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, _ loop: BroadcastLoop) {
        loop.forEachRow { o, ao, _, n, sa, _ in
            if sa == 1 {
                (out + o).update(from: p + ao, count: n)
            } else {
                (out + o).update(repeating: p[ao], count: n)
            }
        }
    }

    /// The sum of this tensor over the axes along which `target` was broadcast to this shape.
    public func sum(toShape target: [Int]) -> Tensor {
        if target == shape { return self }
        guard Shape.broadcast(target, shape) == shape else {
            preconditionFailure("sum(toShape:): \(target) does not broadcast to \(shape)")
        }
        let loop = BroadcastLoop(
            output: shape, aStrides: Shape.broadcastStrides(target, to: shape), bStrides: [Int](repeating: 0, count: shape.count))
        let n = target.reduce(1, *)
        let values = makeScalars(n) { out in
            scalars.withUnsafeBufferPointer { p in Tensor.sumToShapeKernel(p.baseAddress!, out.baseAddress!, count: n, loop) }
        }
        let source = shape
        return Tensor.result(shape: target, scalars: values, input: self) { g in g.broadcast(to: source) }
            .recorded(
                from: [self],
                kernel: { p, o in
                    let x = p[0]; return { Tensor.sumToShapeKernel(x, o, count: n, loop) }
                })
    }

    @inline(__always)
    static func sumToShapeKernel(_ p: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, count: Int, _ loop: BroadcastLoop) {
        out.update(repeating: 0, count: count)
        loop.forEachRow { o, ao, _, n, sa, _ in
            if sa == 1 {
                AddFunction.run(out + ao, 1, p + o, 1, out + ao, n)
            } else {
                var s: Float = 0
                for i in 0..<n { s += p[o + i] }
                out[ao] += s
            }
        }
    }
}
