// MARK: - Binary kernels

protocol BinaryFunction { static func apply(_ a: Float, _ b: Float) -> Float }
enum AddFunction: BinaryFunction { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a + b } }
enum SubtractFunction: BinaryFunction { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a - b } }
enum MultiplyFunction: BinaryFunction { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a * b } }
enum DivideFunction: BinaryFunction { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a / b } }

@inline(__always)
func broadcastBinary<F: BinaryFunction>(_ a: Tensor, _ b: Tensor, _: F.Type, op: String) -> (shape: [Int], scalars: [Float]) {
    if a.shape == b.shape {
        let values = makeScalars(a.count) { out in
            a.scalars.withUnsafeBufferPointer { pa in
                b.scalars.withUnsafeBufferPointer { pb in
                    for i in 0..<out.count { out[i] = F.apply(pa[i], pb[i]) }
                }
            }
        }
        return (a.shape, values)
    }
    guard let shape = Shape.broadcast(a.shape, b.shape) else {
        preconditionFailure("\(op): shapes \(a.shape) and \(b.shape) do not broadcast")
    }
    let loop = BroadcastLoop(
        output: shape, aStrides: Shape.broadcastStrides(a.shape, to: shape),
        bStrides: Shape.broadcastStrides(b.shape, to: shape))
    let values = makeScalars(shape.reduce(1, *)) { out in
        a.scalars.withUnsafeBufferPointer { pa in
            b.scalars.withUnsafeBufferPointer { pb in
                loop.forEachRow { o, ao, bo, n, sa, sb in
                    if sa == 1 && sb == 1 {
                        for i in 0..<n { out[o + i] = F.apply(pa[ao + i], pb[bo + i]) }
                    } else if sa == 1 {
                        let v = pb[bo]
                        for i in 0..<n { out[o + i] = F.apply(pa[ao + i], v) }
                    } else if sb == 1 {
                        let v = pa[ao]
                        for i in 0..<n { out[o + i] = F.apply(v, pb[bo + i]) }
                    } else {
                        for i in 0..<n { out[o + i] = F.apply(pa[ao + i * sa], pb[bo + i * sb]) }
                    }
                }
            }
        }
    }
    return (shape, values)
}

// MARK: - Broadcasting arithmetic

extension Tensor {
    /// Element-wise sum with NumPy broadcasting.
    public static func + (a: Tensor, b: Tensor) -> Tensor {
        let (shape, values) = broadcastBinary(a, b, AddFunction.self, op: "add")
        return result(shape: shape, scalars: values, inputs: [a, b]) { g in
            [g.sum(toShape: a.shape), g.sum(toShape: b.shape)]
        }
    }

    /// Element-wise difference with NumPy broadcasting.
    public static func - (a: Tensor, b: Tensor) -> Tensor {
        let (shape, values) = broadcastBinary(a, b, SubtractFunction.self, op: "subtract")
        return result(shape: shape, scalars: values, inputs: [a, b]) { g in
            [g.sum(toShape: a.shape), (-g).sum(toShape: b.shape)]
        }
    }

    /// Element-wise product with NumPy broadcasting.
    public static func * (a: Tensor, b: Tensor) -> Tensor {
        let (shape, values) = broadcastBinary(a, b, MultiplyFunction.self, op: "multiply")
        return result(shape: shape, scalars: values, inputs: [a, b]) { g in
            [a.node == nil ? nil : (g * b).sum(toShape: a.shape), b.node == nil ? nil : (g * a).sum(toShape: b.shape)]
        }
    }

    /// Element-wise quotient with NumPy broadcasting.
    public static func / (a: Tensor, b: Tensor) -> Tensor {
        let (shape, values) = broadcastBinary(a, b, DivideFunction.self, op: "divide")
        return result(shape: shape, scalars: values, inputs: [a, b]) { g in
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
        let values = makeScalars(count) { out in
            scalars.withUnsafeBufferPointer { p in for i in 0..<out.count { out[i] = p[i] * factor } }
        }
        return Tensor.result(shape: shape, scalars: values, input: self) { g in g.scaled(by: factor) }
    }

    /// Every element plus a constant.
    public func shifted(by offset: Float) -> Tensor {
        let values = makeScalars(count) { out in
            scalars.withUnsafeBufferPointer { p in for i in 0..<out.count { out[i] = p[i] + offset } }
        }
        return Tensor.result(shape: shape, scalars: values, input: self) { g in g }
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
            scalars.withUnsafeBufferPointer { p in
                loop.forEachRow { o, ao, _, n, sa, _ in
                    if sa == 1 {
                        for i in 0..<n { out[o + i] = p[ao + i] }
                    } else {
                        let v = p[ao]
                        for i in 0..<n { out[o + i] = v }
                    }
                }
            }
        }
        let source = shape
        return Tensor.result(shape: target, scalars: values, input: self) { g in g.sum(toShape: source) }
    }

    /// The sum of this tensor over the axes along which `target` was broadcast to this shape.
    public func sum(toShape target: [Int]) -> Tensor {
        if target == shape { return self }
        guard Shape.broadcast(target, shape) == shape else {
            preconditionFailure("sum(toShape:): \(target) does not broadcast to \(shape)")
        }
        let loop = BroadcastLoop(
            output: shape, aStrides: Shape.broadcastStrides(target, to: shape), bStrides: [Int](repeating: 0, count: shape.count))
        let values = makeScalars(target.reduce(1, *)) { out in
            out.initialize(repeating: 0)
            scalars.withUnsafeBufferPointer { p in
                loop.forEachRow { o, ao, _, n, sa, _ in
                    if sa == 1 {
                        for i in 0..<n { out[ao + i] += p[o + i] }
                    } else {
                        var s: Float = 0
                        for i in 0..<n { s += p[o + i] }
                        out[ao] += s
                    }
                }
            }
        }
        let source = shape
        return Tensor.result(shape: target, scalars: values, input: self) { g in g.broadcast(to: source) }
    }
}
