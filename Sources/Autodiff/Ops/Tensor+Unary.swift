import Foundation

extension Tensor {
    @inline(__always)
    func mapScalars(_ f: (Float) -> Float) -> [Float] {
        makeScalars(count) { out in
            scalars.withUnsafeBufferPointer { p in Tensor.mapKernel(p.baseAddress!, out.baseAddress!, count: out.count, f) }
        }
    }

    /// Element-wise e^x.
    public func exp() -> Tensor {
        let values = mapScalars { Foundation.exp($0) }
        return Tensor.result(shape: shape, scalars: values, input: self) { g in
            // While recording, exp is recomputed so that this rule is itself differentiable.
            g * (GradientRecording.isEnabled ? self.exp() : Tensor(shape: self.shape, scalars: values))
        }
        .recorded(from: [self], kernel: Tensor.mapBuilder(count: count) { Foundation.exp($0) })
    }

    /// Element-wise natural logarithm.
    public func log() -> Tensor {
        let values = mapScalars { Foundation.log($0) }
        return Tensor.result(shape: shape, scalars: values, input: self) { g in g / self }
            .recorded(from: [self], kernel: Tensor.mapBuilder(count: count) { Foundation.log($0) })
    }

    /// Element-wise square root.
    public func sqrt() -> Tensor {
        let values = mapScalars { $0.squareRoot() }
        return Tensor.result(shape: shape, scalars: values, input: self) { g in
            g / (self.sqrt() * 2)
        }
        .recorded(from: [self], kernel: Tensor.mapBuilder(count: count) { $0.squareRoot() })
    }

    /// Element-wise x^p for a constant exponent.
    public func pow(_ exponent: Float) -> Tensor {
        let values: [Float]
        if exponent == 2 {
            values = mapScalars { $0 * $0 }
        } else {
            values = mapScalars { Foundation.pow($0, exponent) }
        }
        return Tensor.result(shape: shape, scalars: values, input: self) { g in
            if exponent == 2 { return g * self * 2 }
            if exponent == 1 { return g }
            return g * self.pow(exponent - 1) * exponent
        }
        .recorded(from: [self], kernel: Tensor.mapBuilder(count: count, exponent == 2 ? { $0 * $0 } : { Foundation.pow($0, exponent) }))
    }

    /// Element-wise max(x, 0).
    public func relu() -> Tensor {
        let n = count
        let values = makeScalars(n) { out in
            scalars.withUnsafeBufferPointer { x in Tensor.reluKernel(x.baseAddress!, out.baseAddress!, count: n) }
        }
        return Tensor.result(shape: shape, scalars: values, input: self) { g in g.passing(where: self) }
            .recorded(
                from: [self],
                kernel: { p, o in
                    let x = p[0]; return { Tensor.reluKernel(x, o, count: n) }
                })
    }

    static func reluKernel(_ xp: UnsafePointer<Float>, _ op: UnsafeMutablePointer<Float>, count: Int) {
        let width = FloatVector.scalarCount
        let vectors = count / width
        parallelChunks(vectors, work: count) { range in
            for v in range {
                let i = v * width
                // `< 0`, not `!(> 0)`: a NaN must survive so that divergence shows.
                let v = loadVector(xp, i)
                storeVector(v.replacing(with: 0, where: v .< 0), op, i)
            }
        }
        for i in (vectors * width)..<count { op[i] = xp[i] < 0 ? 0 : xp[i] }
    }

    /// This tensor where `gate` > 0, else 0, in one pass: ReLU's gradient. Linear in self, so its
    /// own gradient is the same gate; the gate gets none (ReLU's second derivative is zero).
    func passing(where gate: Tensor) -> Tensor {
        precondition(shape == gate.shape, "passing(where:): \(shape) vs \(gate.shape)")
        let n = count
        let values = makeScalars(n) { out in
            scalars.withUnsafeBufferPointer { g in
                gate.scalars.withUnsafeBufferPointer { x in Tensor.passingKernel(g.baseAddress!, x.baseAddress!, out.baseAddress!, count: n) }
            }
        }
        // The gate is an input of the replayed kernel: the mask is recomputed from new data.
        return Tensor.result(shape: shape, scalars: values, input: self) { u in u.passing(where: gate) }
            .recorded(
                from: [self, gate],
                kernel: { p, o in
                    let (g, x) = (p[0], p[1]); return { Tensor.passingKernel(g, x, o, count: n) }
                })
    }

    static func passingKernel(_ gp: UnsafePointer<Float>, _ xp: UnsafePointer<Float>, _ op: UnsafeMutablePointer<Float>, count: Int) {
        let width = FloatVector.scalarCount
        let vectors = count / width
        parallelChunks(vectors, work: count) { range in
            for v in range {
                let i = v * width
                storeVector(loadVector(gp, i).replacing(with: 0, where: .!(loadVector(xp, i) .> 0)), op, i)
            }
        }
        for i in (vectors * width)..<count { op[i] = xp[i] > 0 ? gp[i] : 0 }
    }

    /// 1 where x > 0, else 0; a constant (its own gradient is zero almost everywhere).
    public func positiveMask() -> Tensor {
        Tensor(shape: shape, scalars: mapScalars { $0 > 0 ? 1 : 0 })
            .recorded(from: [self], kernel: Tensor.mapBuilder(count: count) { $0 > 0 ? 1 : 0 })
    }

    /// Element-wise square.
    public func squared() -> Tensor { pow(2) }
}
