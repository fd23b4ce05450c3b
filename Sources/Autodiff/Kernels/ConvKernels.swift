/// Convolution as matrix products over im2col columns, a group of images at a time so that
/// each product is wide enough for BLAS to run near its peak.
enum ConvKernels {
    /// Images per product: enough columns to keep sgemm efficient, few enough to stay in cache.
    static func groupSize(_ g: ConvGeometry) -> Int {
        Swift.max(1, Swift.min(g.batch, 3072 / Swift.max(g.outPlane, 1)))
    }

    /// Output = conv(input, weight) (+ bias per output channel, added while unpacking for free).
    static func forward(_ g: ConvGeometry, input: UnsafePointer<Float>, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>? = nil,
                        output: UnsafeMutablePointer<Float>) {
        let scratch = ScratchSpace.current
        let group = groupSize(g)
        var first = 0
        while first < g.batch {
            let images = Swift.min(group, g.batch - first)
            let columns = images * g.outPlane
            let cols = scratch.buffer(0, count: g.patchSize * columns)
            im2col(g, input: input + first * g.inChannels * g.inPlane, images: images, into: cols)
            let outBase = output + first * g.outChannels * g.outPlane
            if images == 1 {
                BLAS.sgemm(transposeA: false, transposeB: false, m: g.outChannels, n: columns, k: g.patchSize,
                           a: weight, lda: g.patchSize, b: cols, ldb: columns, c: outBase, ldc: columns)
                if let bias {
                    for o in 0..<g.outChannels {
                        let b = bias[o]
                        let row = outBase + o * columns
                        for k in 0..<columns { row[k] += b }
                    }
                }
            } else {
                let packed = scratch.buffer(1, count: g.outChannels * columns)
                BLAS.sgemm(transposeA: false, transposeB: false, m: g.outChannels, n: columns, k: g.patchSize,
                           a: weight, lda: g.patchSize, b: cols, ldb: columns, c: packed, ldc: columns)
                // [o, image, plane] -> [image, o, plane]
                for o in 0..<g.outChannels {
                    let b = bias?[o] ?? 0
                    for image in 0..<images {
                        let dst = outBase + (image * g.outChannels + o) * g.outPlane
                        let src = packed + o * columns + image * g.outPlane
                        for k in 0..<g.outPlane { dst[k] = src[k] + b }
                    }
                }
            }
            first += images
        }
    }

    /// Packs the output gradient of `images` images as [o, image, plane].
    private static func packOutputGradient(_ g: ConvGeometry, _ gradient: UnsafePointer<Float>, images: Int, into packed: UnsafeMutablePointer<Float>) {
        let columns = images * g.outPlane
        for o in 0..<g.outChannels {
            for image in 0..<images {
                (packed + o * columns + image * g.outPlane)
                    .update(from: gradient + (image * g.outChannels + o) * g.outPlane, count: g.outPlane)
            }
        }
    }

    static func backwardInput(_ g: ConvGeometry, outputGradient: UnsafePointer<Float>, weight: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>) {
        inputGradient.update(repeating: 0, count: g.batch * g.inChannels * g.inPlane)
        let scratch = ScratchSpace.current
        let group = groupSize(g)
        var first = 0
        while first < g.batch {
            let images = Swift.min(group, g.batch - first)
            let columns = images * g.outPlane
            let gradBase = outputGradient + first * g.outChannels * g.outPlane
            let packed: UnsafePointer<Float>
            if images == 1 {
                packed = gradBase
            } else {
                let buffer = scratch.buffer(1, count: g.outChannels * columns)
                packOutputGradient(g, gradBase, images: images, into: buffer)
                packed = UnsafePointer(buffer)
            }
            let cols = scratch.buffer(0, count: g.patchSize * columns)
            BLAS.sgemm(transposeA: true, transposeB: false, m: g.patchSize, n: columns, k: g.outChannels,
                       a: weight, lda: g.patchSize, b: packed, ldb: columns, c: cols, ldc: columns)
            col2imAdd(g, cols: cols, images: images, into: inputGradient + first * g.inChannels * g.inPlane)
            first += images
        }
    }

    static func backwardWeight(_ g: ConvGeometry, input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>, weightGradient: UnsafeMutablePointer<Float>) {
        let scratch = ScratchSpace.current
        let group = groupSize(g)
        var first = 0
        while first < g.batch {
            let images = Swift.min(group, g.batch - first)
            let columns = images * g.outPlane
            let cols = scratch.buffer(0, count: g.patchSize * columns)
            im2col(g, input: input + first * g.inChannels * g.inPlane, images: images, into: cols)
            let gradBase = outputGradient + first * g.outChannels * g.outPlane
            let packed: UnsafePointer<Float>
            if images == 1 {
                packed = gradBase
            } else {
                let buffer = scratch.buffer(1, count: g.outChannels * columns)
                packOutputGradient(g, gradBase, images: images, into: buffer)
                packed = UnsafePointer(buffer)
            }
            BLAS.sgemm(transposeA: false, transposeB: true, m: g.outChannels, n: g.patchSize, k: columns,
                       a: packed, lda: columns, b: cols, ldb: columns, beta: first == 0 ? 0 : 1,
                       c: weightGradient, ldc: g.patchSize)
            first += images
        }
    }
}
