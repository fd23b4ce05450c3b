import Testing

@testable import Autodiff

/// Fast kernels against their naive twins, and determinism.
@Suite struct KernelTwinTests {
    func close(_ a: [Float], _ b: [Float], tolerance: Float = 1e-4) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
    }

    @Test func matmulMatchesNaive() {
        for (m, k, n) in [(1, 1, 1), (7, 13, 5), (64, 100, 33)] {
            let a = GradientCheck.random([m, k], seed: 1)
            let b = GradientCheck.random([k, n], seed: 2)
            #expect(close(Tensor.matmul(a, b).scalars, NaiveKernels.matmul(a.scalars, b.scalars, m: m, k: k, n: n)))
            let bt = b.transposed()
            #expect(close(Tensor.matmul(a, bt, transposeB: true).scalars, NaiveKernels.matmul(a.scalars, b.scalars, m: m, k: k, n: n)))
        }
    }

    @Test func productsWithAnInnerExtentOfOneGiveSgemmsBits() {
        // They skip sgemm (MatmulPlan.outerProducts) and must give what it gives, bit for bit,
        // signed zeros included: 0 × −1.5 is −0, which sgemm's zeroed accumulator turns into +0.
        var rng = SeededGenerator(seed: 9)
        for (batch, m, n, sharedB) in [(1, 10, 40, false), (25, 10, 40, false), (3, 7, 13, true), (4, 1, 9, false), (2, 9, 1, false)] {
            for (ta, tb) in [(false, false), (false, true), (true, false), (true, true)] {
                var aValues = Tensor.randomNormal(shape: [batch * m], using: &rng).scalars
                aValues[0] = 0
                if aValues.count > 1 { aValues[1] = -0.0 }
                let a = Tensor(shape: (batch > 1 ? [batch] : []) + (ta ? [1, m] : [m, 1]), scalars: aValues)
                let bCount = sharedB ? n : batch * n
                let b = Tensor(
                    shape: (batch > 1 && !sharedB ? [batch] : []) + (tb ? [n, 1] : [1, n]),
                    scalars: Tensor.randomNormal(shape: [bCount], using: &rng).scalars)
                var expected = [Float](repeating: .nan, count: batch * m * n)
                a.scalars.withUnsafeBufferPointer { pa in
                    b.scalars.withUnsafeBufferPointer { pb in
                        expected.withUnsafeMutableBufferPointer { c in
                            for i in 0..<batch {
                                BLAS.sgemm(
                                    transposeA: ta, transposeB: tb, m: m, n: n, k: 1, a: pa.baseAddress! + i * m, lda: ta ? m : 1,
                                    b: pb.baseAddress! + (sharedB ? 0 : i * n), ldb: tb ? 1 : n, c: c.baseAddress! + i * m * n, ldc: n)
                            }
                        }
                    }
                }
                let product = Tensor.matmul(a, b, transposeA: ta, transposeB: tb)
                #expect(product.scalars.map(\.bitPattern) == expected.map(\.bitPattern), "\(batch)x\(m)x\(n) \(ta) \(tb) \(sharedB)")
            }
        }
    }

    @Test func convMatchesNaiveForManyGeometries() {
        for (shape, wshape, stride, padding) in [
            ([3, 1, 28, 28], [8, 1, 3, 3], 1, 1), ([2, 4, 7, 9], [5, 4, 3, 3], 2, 1),
            ([40, 2, 3, 3], [3, 2, 3, 3], 1, 1), ([1, 2, 6, 6], [2, 2, 5, 3], 1, 2), ([2, 3, 8, 8], [4, 3, 2, 2], 2, 0)
        ] {
            let x = GradientCheck.random(shape, seed: 3)
            let w = GradientCheck.random(wshape, seed: 4)
            let fast = Tensor.conv2d(x, w, stride: stride, padding: padding)
            let naive = NaiveKernels.conv2d(x.scalars, inputShape: shape, w.scalars, weightShape: wshape, stride: stride, padding: padding)
            #expect(close(fast.scalars, naive), "conv \(shape) * \(wshape) s\(stride) p\(padding)")
            let bias = GradientCheck.random([wshape[0]], seed: 5)
            let biased = Tensor.conv2d(x, w, bias: bias, stride: stride, padding: padding)
            let plane = fast.shape[2] * fast.shape[3]
            let expected = naive.indices.map { naive[$0] + bias.scalars[($0 / plane) % wshape[0]] }
            #expect(close(biased.scalars, expected), "biased conv \(shape) * \(wshape)")
        }
    }

    @Test func convBackwardMatchesAdjointIdentity() {
        // <conv(x, w), g> must equal <x, dX> and <w, dW> for the kernels' backward passes.
        let x = GradientCheck.random([5, 3, 9, 7], seed: 5)
        let w = GradientCheck.random([4, 3, 3, 3], seed: 6)
        for (stride, padding) in [(1, 1), (2, 1), (2, 0)] {
            let y = Tensor.conv2d(x, w, stride: stride, padding: padding)
            let g = GradientCheck.random(y.shape, seed: 7)
            let geometry = ConvGeometry(input: x.shape, weight: w.shape, stride: stride, padding: padding)
            let dx = Tensor.conv2dInputGradient(g, w, geometry: geometry)
            let dw = Tensor.conv2dWeightGradient(x, g, geometry: geometry)
            let yg = GradientCheck.dot([y], [g])
            #expect(abs(yg - GradientCheck.dot([x], [dx])) < 1e-3 * max(1, abs(yg)))
            #expect(abs(yg - GradientCheck.dot([w], [dw])) < 1e-3 * max(1, abs(yg)))
        }
    }

    @Test func maxPoolMatchesNaive() {
        let x = GradientCheck.random([3, 4, 7, 6], seed: 8)
        #expect(x.maxPool2x2().scalars == NaiveKernels.maxPool2x2(x.scalars, shape: x.shape))
    }

    @Test func sameSeedGivesBitIdenticalResults() {
        func run() -> [Float] {
            var rng = SeededGenerator(seed: 42)
            let x = Tensor.randomNormal(shape: [16, 1, 12, 12], using: &rng)
            let w = Tensor.randomNormal(shape: [8, 1, 3, 3], using: &rng).variable()
            let y = Tensor.conv2d(x, w, padding: 1).relu().maxPool2x2().sum()
            return gradients(of: y, withRespectTo: [w])[0].scalars
        }
        #expect(run() == run())
        var g1 = SeededGenerator(seed: 3)
        var g2 = SeededGenerator(seed: 3)
        #expect((0..<100).map { _ in g1.next() } == (0..<100).map { _ in g2.next() })
    }

    @Test func fusedBatchNormBackwardEqualsTheDifferentiableRule() {
        let x = GradientCheck.random([6, 3, 4, 4], seed: 9).variable()
        let gamma = GradientCheck.positive([3], seed: 10).variable()
        let beta = GradientCheck.random([3], seed: 11).variable()
        let loss = GradientCheck.weighted(Tensor.batchNorm(x, scale: gamma, shift: beta).output)
        let fused = gradients(of: loss, withRespectTo: [x, gamma, beta])
        let composed = gradients(of: loss, withRespectTo: [x, gamma, beta], keepingGraph: true)
        for (f, c) in zip(fused, composed) { #expect(close(f.scalars, c.scalars, tolerance: 1e-3)) }
    }

    @Test func rectifiedBatchNormEqualsBatchNormThenReLU() {
        let x = GradientCheck.random([6, 3, 4, 4], seed: 12).variable()
        let gamma = GradientCheck.positive([3], seed: 13).variable()
        let beta = GradientCheck.random([3], seed: 14).variable()
        let fusedOutput = Tensor.batchNorm(x, scale: gamma, shift: beta, rectified: true).output
        let separateOutput = Tensor.batchNorm(x, scale: gamma, shift: beta).output.relu()
        #expect(fusedOutput.scalars == separateOutput.scalars)
        #expect(fusedOutput.scalars.contains(0) && fusedOutput.scalars.contains { $0 > 0 }, "the test needs both sides of the ReLU")
        for keepingGraph in [false, true] {
            let fused = gradients(of: GradientCheck.weighted(fusedOutput), withRespectTo: [x, gamma, beta], keepingGraph: keepingGraph)
            let separate = gradients(of: GradientCheck.weighted(separateOutput), withRespectTo: [x, gamma, beta], keepingGraph: keepingGraph)
            for (f, s) in zip(fused, separate) { #expect(close(f.scalars, s.scalars, tolerance: 1e-5)) }
        }
    }

    @Test func fusedConvolutionBackwardEqualsTheDifferentiableRules() {
        for (stride, batch) in [(1, 1), (1, 40), (2, 7)] {
            let x = GradientCheck.random([batch, 3, 9, 9], seed: 20).variable()
            let w = GradientCheck.random([5, 3, 3, 3], seed: 21).variable()
            let b = GradientCheck.random([5], seed: 22).variable()
            let loss = GradientCheck.weighted(Tensor.conv2d(x, w, bias: b, stride: stride, padding: 1))
            let fused = gradients(of: loss, withRespectTo: [x, w, b])
            let composed = gradients(of: loss, withRespectTo: [x, w, b], keepingGraph: true)
            for (f, c) in zip(fused, composed) { #expect(close(f.scalars, c.scalars, tolerance: 1e-4)) }
        }
        // An input that needs no gradient (a batch of images) gets none, and the rest still agree.
        let images = GradientCheck.random([4, 1, 6, 6], seed: 23)
        let w = GradientCheck.random([2, 1, 3, 3], seed: 24).variable()
        let loss = GradientCheck.weighted(Tensor.conv2d(images, w, padding: 1))
        let fused = gradients(of: loss, withRespectTo: [w])
        let composed = gradients(of: loss, withRespectTo: [w], keepingGraph: true)
        #expect(close(fused[0].scalars, composed[0].scalars, tolerance: 1e-4))
    }
}
