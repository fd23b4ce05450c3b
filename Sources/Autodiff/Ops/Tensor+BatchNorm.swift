/// The per-channel statistics of one batch-normalization call, for running averages.
public struct BatchStatistics: Sendable {
    /// Mean per channel.
    public var mean: [Float]
    /// Biased variance per channel (as used to normalise).
    public var variance: [Float]
}

extension Tensor {
    /// Batch normalization over [n,c,h,w] (or [n,c]) with this batch's statistics and a
    /// learnable per-channel `scale` and `shift`, as PyTorch's `batch_norm(training=True)`.
    ///
    /// The first-order gradient runs as one fused pass; while recording (second order) the same
    /// rule is written in tensor operations so that it can be differentiated again.
    /// `rectified` applies ReLU to the output inside the same passes (forward and backward), which
    /// saves two trips through memory per layer of a conv net; the result equals `.relu()` after.
    public static func batchNorm(
        _ x: Tensor, scale: Tensor, shift: Tensor, epsilon: Float = 1e-5,
        rectified: Bool = false
    ) -> (output: Tensor, statistics: BatchStatistics) {
        precondition(x.rank == 4 || x.rank == 2, "batchNorm: needs [n,c,h,w] or [n,c], got \(x.shape)")
        let (n, c) = (x.shape[0], x.shape[1])
        let plane = x.rank == 4 ? x.shape[2] * x.shape[3] : 1
        precondition(scale.shape == [c] && shift.shape == [c], "batchNorm: scale \(scale.shape), shift \(shift.shape) for \(c) channels")
        let m = Float(n * plane)
        var mean = [Float](repeating: 0, count: c)
        var variance = [Float](repeating: 0, count: c)
        var inverseStd = [Float](repeating: 0, count: c)
        x.scalars.withUnsafeBufferPointer { p in
            mean.withUnsafeMutableBufferPointer { meanOut in
                variance.withUnsafeMutableBufferPointer { varianceOut in
                    inverseStd.withUnsafeMutableBufferPointer { inverseOut in
                        // One pass for both moments: per-plane float sums (short, so accurate) gathered in
                        // Double, where E[x²] − E[x]² loses nothing that matters at these magnitudes.
                        parallelChunks(c, work: x.count) { channels in
                            for ch in channels {
                                var s = 0.0
                                var s2 = 0.0
                                for i in 0..<n {
                                    let (ps, ps2) = planeMoments(p.baseAddress! + (i * c + ch) * plane, count: plane)
                                    s += Double(ps)
                                    s2 += Double(ps2)
                                }
                                let mu = s / Double(m)
                                meanOut[ch] = Float(mu)
                                varianceOut[ch] = Float(Swift.max(s2 / Double(m) - mu * mu, 0))
                                inverseOut[ch] = 1 / (varianceOut[ch] + epsilon).squareRoot()
                            }
                        }
                    }
                }
            }
        }
        let values = makeScalars(x.count) { out in
            x.scalars.withUnsafeBufferPointer { p in
                parallelChunks(n, work: x.count) { images in
                    for i in images {
                        for ch in 0..<c {
                            let a = scale.scalars[ch] * inverseStd[ch]
                            let b = shift.scalars[ch] - mean[ch] * a
                            let base = (i * c + ch) * plane
                            if rectified {
                                for j in 0..<plane { out[base + j] = Swift.max(p[base + j] * a + b, 0) }
                            } else {
                                for j in 0..<plane { out[base + j] = p[base + j] * a + b }
                            }
                        }
                    }
                }
            }
        }
        let channelShape = x.rank == 4 ? [1, c, 1, 1] : [1, c]
        let axes = x.rank == 4 ? [0, 2, 3] : [0]
        // ReLU's gate is the output itself; as a constant it carries no gradient (ReLU's second
        // derivative is zero).
        let gate = rectified ? Tensor(shape: x.shape, scalars: values) : nil
        let output = result(shape: x.shape, scalars: values, inputs: [x, scale, shift]) { upstream in
            if GradientRecording.isEnabled {
                let g = gate.map { upstream.passing(where: $0) } ?? upstream
                let mu = x.mean(alongAxes: axes, keepingDimensions: true)
                let centered = x - mu
                let inv = (centered.squared().mean(alongAxes: axes, keepingDimensions: true) + epsilon).pow(-0.5)
                let xhat = centered * inv
                let gamma = scale.reshaped(to: channelShape)
                let dx =
                    gamma * inv
                    * (g - g.mean(alongAxes: axes, keepingDimensions: true)
                        - xhat * (g * xhat).mean(alongAxes: axes, keepingDimensions: true))
                return [dx, (g * xhat).sum(alongAxes: axes), g.sum(alongAxes: axes)]
            }
            return fusedBatchNormBackward(x: x, g: upstream, gate: gate, scale: scale, mean: mean, inverseStd: inverseStd, plane: plane)
        }
        return (output, BatchStatistics(mean: mean, variance: variance))
    }

    /// `gate`, when given, is a ReLU's output: the upstream gradient counts only where it is positive.
    private static func fusedBatchNormBackward(
        x: Tensor, g: Tensor, gate: Tensor?, scale: Tensor, mean: [Float], inverseStd: [Float],
        plane: Int
    ) -> [Tensor?] {
        let (n, c) = (x.shape[0], x.shape[1])
        let m = Float(n * plane)
        var dScale = [Float](repeating: 0, count: c)
        var dShift = [Float](repeating: 0, count: c)
        var dx: [Float] = []
        let gateScalars = gate?.scalars ?? []
        let gated = gate != nil
        x.scalars.withUnsafeBufferPointer { px in
            gateScalars.withUnsafeBufferPointer { pgate in
                g.scalars.withUnsafeBufferPointer { pg in
                    dScale.withUnsafeMutableBufferPointer { dScaleOut in
                        dShift.withUnsafeMutableBufferPointer { dShiftOut in
                            parallelChunks(c, work: x.count) { channels in
                                for ch in channels {
                                    // per-plane float sums gathered in Double, as the forward pass
                                    var sg = 0.0
                                    var sgx = 0.0
                                    for i in 0..<n {
                                        let base = (i * c + ch) * plane
                                        let (a, b) = planeSums(
                                            g: pg.baseAddress! + base, gate: gated ? pgate.baseAddress! + base : nil,
                                            x: px.baseAddress! + base, count: plane, mean: mean[ch])
                                        sg += Double(a)
                                        sgx += Double(b)
                                    }
                                    dShiftOut[ch] = Float(sg)
                                    dScaleOut[ch] = Float(sgx) * inverseStd[ch]
                                }
                            }
                        }
                    }
                    dx = makeScalars(x.count) { out in
                        parallelChunks(n, work: x.count) { images in
                            for i in images {
                                for ch in 0..<c {
                                    let k = scale.scalars[ch] * inverseStd[ch]
                                    let meanG = dShift[ch] / m
                                    let meanGX = dScale[ch] / m  // mean of g·xhat
                                    let base = (i * c + ch) * plane
                                    planeGradient(
                                        g: pg.baseAddress! + base, gate: gated ? pgate.baseAddress! + base : nil,
                                        x: px.baseAddress! + base, into: out.baseAddress! + base, count: plane, scale: k,
                                        mean: mean[ch], inverseStd: inverseStd[ch], meanG: meanG, meanGX: meanGX)
                                }
                            }
                        }
                    }
                }
            }
        }
        return [Tensor(shape: x.shape, scalars: dx), Tensor(shape: [c], scalars: dScale), Tensor(shape: [c], scalars: dShift)]
    }

    /// Σ x and Σ x² over one plane, in eight lanes (a single float chain would wait on each add).
    @inline(__always)
    private static func planeMoments(_ x: UnsafePointer<Float>, count: Int) -> (Float, Float) {
        var sum = FloatVector(repeating: 0)
        var squares = FloatVector(repeating: 0)
        let width = FloatVector.scalarCount
        let vectors = count / width
        for v in 0..<vectors {
            let value = loadVector(x, v * width)
            sum += value
            squares += value * value
        }
        var a = sum.sum()
        var b = squares.sum()
        for i in (vectors * width)..<count { a += x[i]; b += x[i] * x[i] }
        return (a, b)
    }

    /// One plane's upstream gradient, counted only where a ReLU `gate` (its output) is positive.
    @inline(__always)
    private static func upstream(_ g: UnsafePointer<Float>, gate: UnsafePointer<Float>?, _ i: Int) -> FloatVector {
        guard let gate else { return loadVector(g, i) }
        return loadVector(g, i).replacing(with: 0, where: .!(loadVector(gate, i) .> 0))
    }

    @inline(__always)
    private static func upstream(_ g: UnsafePointer<Float>, gate: UnsafePointer<Float>?, _ i: Int) -> Float {
        guard let gate else { return g[i] }
        return gate[i] > 0 ? g[i] : 0
    }

    /// Σ g and Σ g·(x − mean) over one plane, in eight lanes.
    @inline(__always)
    private static func planeSums(
        g: UnsafePointer<Float>, gate: UnsafePointer<Float>?, x: UnsafePointer<Float>, count: Int,
        mean: Float
    ) -> (Float, Float) {
        var sumG = FloatVector(repeating: 0)
        var sumGX = FloatVector(repeating: 0)
        let width = FloatVector.scalarCount
        let vectors = count / width
        for v in 0..<vectors {
            let i = v * width
            let gj: FloatVector = upstream(g, gate: gate, i)
            sumG += gj
            sumGX += gj * (loadVector(x, i) - mean)
        }
        var a = sumG.sum()
        var b = sumGX.sum()
        for i in (vectors * width)..<count {
            let gj: Float = upstream(g, gate: gate, i)
            a += gj
            b += gj * (x[i] - mean)
        }
        return (a, b)
    }

    /// One plane of the input gradient.
    @inline(__always)
    private static func planeGradient(
        g: UnsafePointer<Float>, gate: UnsafePointer<Float>?, x: UnsafePointer<Float>,
        into out: UnsafeMutablePointer<Float>, count: Int, scale k: Float, mean: Float,
        inverseStd: Float, meanG: Float, meanGX: Float
    ) {
        let width = FloatVector.scalarCount
        let vectors = count / width
        for v in 0..<vectors {
            let i = v * width
            let gj: FloatVector = upstream(g, gate: gate, i)
            let xhat = (loadVector(x, i) - mean) * inverseStd
            storeVector(k * (gj - meanG - xhat * meanGX), out, i)
        }
        for i in (vectors * width)..<count {
            let gj: Float = upstream(g, gate: gate, i)
            let xhat = (x[i] - mean) * inverseStd
            out[i] = k * (gj - meanG - xhat * meanGX)
        }
    }

    /// Batch normalization with fixed statistics (evaluation mode, running averages);
    /// `rectified` applies ReLU as well. Without a gradient to record (evaluation) it runs as one
    /// pass per element, which gives the same numbers as the operations it replaces.
    public static func batchNorm(
        _ x: Tensor, mean: Tensor, variance: Tensor, scale: Tensor, shift: Tensor, epsilon: Float = 1e-5, rectified: Bool = false
    ) -> Tensor {
        let channelShape = x.rank == 4 ? [1, x.shape[1], 1, 1] : [1, x.shape[1]]
        let a = scale / (variance + epsilon).sqrt()
        let b = shift - mean * a
        guard GradientRecording.isEnabled, [x, a, b].contains(where: { $0.node != nil }) else {
            return affinePerChannel(x, a.scalars, b.scalars, rectified: rectified)
        }
        let y = x * a.reshaped(to: channelShape) + b.reshaped(to: channelShape)
        return rectified ? y.relu() : y
    }

    /// `x · a[c] + b[c]` over [n, c, ...], ReLU after when `rectified`, in one pass.
    private static func affinePerChannel(_ x: Tensor, _ a: [Float], _ b: [Float], rectified: Bool) -> Tensor {
        let (n, c) = (x.shape[0], x.shape[1])
        let plane = x.count / Swift.max(n * c, 1)
        let values = makeScalars(x.count) { out in
            x.scalars.withUnsafeBufferPointer { p in
                parallelChunks(n, work: x.count) { images in
                    for i in images {
                        for ch in 0..<c {
                            let (scale, shift, base) = (a[ch], b[ch], (i * c + ch) * plane)
                            if rectified {
                                for j in 0..<plane { out[base + j] = Swift.max(p[base + j] * scale + shift, 0) }
                            } else {
                                for j in 0..<plane { out[base + j] = p[base + j] * scale + shift }
                            }
                        }
                    }
                }
            }
        }
        return Tensor(shape: x.shape, scalars: values)
    }
}
