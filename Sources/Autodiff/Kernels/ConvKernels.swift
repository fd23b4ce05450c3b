/// Convolution as matrix products over im2col columns, a group of images at a time so that
/// each product is wide enough for BLAS to run near its peak.
enum ConvKernels {
    /// Images per product: enough columns to keep sgemm efficient, few enough to stay in cache.
    static func groupSize(_ g: ConvGeometry) -> Int {
        Swift.max(1, Swift.min(g.batch, 3072 / Swift.max(g.outPlane, 1)))
    }

    /// Calls `body(first image, image count, columns)` for each group of images in turn.
    @inline(__always)
    private static func forEachGroup(_ g: ConvGeometry, _ body: (_ first: Int, _ images: Int, _ columns: Int) -> Void) {
        let group = groupSize(g)
        var first = 0
        while first < g.batch {
            let images = Swift.min(group, g.batch - first)
            body(first, images, images * g.outPlane)
            first += images
        }
    }

    /// The output gradient of a group as [o, image, plane]: the tensor itself for one image,
    /// else a packed copy in scratch slot 1.
    private static func packedOutputGradient(
        _ g: ConvGeometry, _ gradient: UnsafePointer<Float>, first: Int, images: Int,
        scratch: ScratchSpace
    ) -> UnsafePointer<Float> {
        let base = gradient + first * g.outChannels * g.outPlane
        if images == 1 { return base }
        let columns = images * g.outPlane
        let packed = scratch.buffer(1, count: g.outChannels * columns)
        for o in 0..<g.outChannels {
            for image in 0..<images {
                (packed + o * columns + image * g.outPlane).update(from: base + (image * g.outChannels + o) * g.outPlane, count: g.outPlane)
            }
        }
        return UnsafePointer(packed)
    }

    /// Output = conv(input, weight) (+ bias per output channel, added while unpacking for free).
    static func forward(
        _ g: ConvGeometry, input: UnsafePointer<Float>, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>? = nil,
        output: UnsafeMutablePointer<Float>
    ) {
        let scratch = ScratchSpace.current
        forEachGroup(g) { first, images, columns in
            let cols = scratch.buffer(0, count: g.patchSize * columns)
            im2col(g, input: input + first * g.inChannels * g.inPlane, images: images, into: cols)
            let outBase = output + first * g.outChannels * g.outPlane
            // One image is already in [o, plane] order: multiply straight into the output.
            let product = images == 1 ? outBase : scratch.buffer(1, count: g.outChannels * columns)
            BLAS.sgemm(
                transposeA: false, transposeB: false, m: g.outChannels, n: columns, k: g.patchSize,
                a: weight, lda: g.patchSize, b: cols, ldb: columns, c: product, ldc: columns)
            guard images > 1 || bias != nil else { return }
            // [o, image, plane] -> [image, o, plane], adding the bias on the way.
            for o in 0..<g.outChannels {
                let b = bias?[o] ?? 0
                for image in 0..<images {
                    let dst = outBase + (image * g.outChannels + o) * g.outPlane
                    let src = product + o * columns + image * g.outPlane
                    for k in 0..<g.outPlane { dst[k] = src[k] + b }
                }
            }
        }
    }

    static func backwardInput(
        _ g: ConvGeometry, outputGradient: UnsafePointer<Float>, weight: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>
    ) {
        inputGradient.update(repeating: 0, count: g.batch * g.inChannels * g.inPlane)
        let scratch = ScratchSpace.current
        forEachGroup(g) { first, images, columns in
            let packed = packedOutputGradient(g, outputGradient, first: first, images: images, scratch: scratch)
            let cols = scratch.buffer(0, count: g.patchSize * columns)
            BLAS.sgemm(
                transposeA: true, transposeB: false, m: g.patchSize, n: columns, k: g.outChannels,
                a: weight, lda: g.patchSize, b: packed, ldb: columns, c: cols, ldc: columns)
            col2imAdd(g, cols: cols, images: images, into: inputGradient + first * g.inChannels * g.inPlane)
        }
    }

    static func backwardWeight(
        _ g: ConvGeometry, input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>, weightGradient: UnsafeMutablePointer<Float>
    ) {
        let scratch = ScratchSpace.current
        forEachGroup(g) { first, images, columns in
            let cols = scratch.buffer(0, count: g.patchSize * columns)
            im2col(g, input: input + first * g.inChannels * g.inPlane, images: images, into: cols)
            let packed = packedOutputGradient(g, outputGradient, first: first, images: images, scratch: scratch)
            BLAS.sgemm(
                transposeA: false, transposeB: true, m: g.outChannels, n: g.patchSize, k: columns,
                a: packed, lda: columns, b: cols, ldb: columns, beta: first == 0 ? 0 : 1,
                c: weightGradient, ldc: g.patchSize)
        }
    }

    /// The first-order backward in one sweep over the groups: each group's output gradient is
    /// packed once for both products, the bias gradient is summed from the packed rows while
    /// they are in cache, and each group's input gradient is zeroed just before it is accumulated.
    static func backward(
        _ g: ConvGeometry, input: UnsafePointer<Float>, weight: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
        inputGradient: UnsafeMutablePointer<Float>?, weightGradient: UnsafeMutablePointer<Float>,
        biasGradient: UnsafeMutablePointer<Float>?
    ) {
        if g.batch == 0 { weightGradient.update(repeating: 0, count: g.outChannels * g.patchSize) }
        let scratch = ScratchSpace.current
        var biasSums = [Double](repeating: 0, count: biasGradient == nil ? 0 : g.outChannels)
        forEachGroup(g) { first, images, columns in
            let packed = packedOutputGradient(g, outputGradient, first: first, images: images, scratch: scratch)
            for o in 0..<biasSums.count { biasSums[o] += Double(sumOfScalars(packed + o * columns, count: columns)) }
            let cols = scratch.buffer(0, count: g.patchSize * columns)
            im2col(g, input: input + first * g.inChannels * g.inPlane, images: images, into: cols)
            BLAS.sgemm(
                transposeA: false, transposeB: true, m: g.outChannels, n: g.patchSize, k: columns,
                a: packed, lda: columns, b: cols, ldb: columns, beta: first == 0 ? 0 : 1,
                c: weightGradient, ldc: g.patchSize)
            guard let inputGradient else { return }
            BLAS.sgemm(
                transposeA: true, transposeB: false, m: g.patchSize, n: columns, k: g.outChannels,
                a: weight, lda: g.patchSize, b: packed, ldb: columns, c: cols, ldc: columns)
            let region = inputGradient + first * g.inChannels * g.inPlane
            region.update(repeating: 0, count: images * g.inChannels * g.inPlane)
            col2imAdd(g, cols: cols, images: images, into: region)
        }
        for o in 0..<biasSums.count { biasGradient![o] = Float(biasSums[o]) }
    }
}

/// The sum of `count` floats, eight lanes at a time.
@inline(__always)
func sumOfScalars(_ p: UnsafePointer<Float>, count: Int) -> Float {
    var lanes = FloatVector(repeating: 0)
    let width = FloatVector.scalarCount
    let vectors = count / width
    for v in 0..<vectors { lanes += loadVector(p, v * width) }
    var total = lanes.sum()
    for i in (vectors * width)..<count { total += p[i] }
    return total
}
