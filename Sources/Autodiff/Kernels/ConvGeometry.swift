/// The sizes of one 2-D convolution: input [n, c, h, w], weight [o, c, kh, kw], output [n, o, oh, ow].
public struct ConvGeometry: Equatable, Sendable {
    public var batch, inChannels, height, width: Int
    public var outChannels, kernelHeight, kernelWidth: Int
    public var stride, padding: Int

    public init(input: [Int], weight: [Int], stride: Int, padding: Int) {
        precondition(
            input.count == 4 && weight.count == 4 && input[1] == weight[1],
            "conv2d: input \(input) and weight \(weight) do not match ([n,c,h,w] and [o,c,kh,kw])")
        precondition(stride >= 1 && padding >= 0, "conv2d: stride \(stride), padding \(padding)")
        (batch, inChannels, height, width) = (input[0], input[1], input[2], input[3])
        (outChannels, kernelHeight, kernelWidth) = (weight[0], weight[2], weight[3])
        self.stride = stride
        self.padding = padding
        precondition(outHeight > 0 && outWidth > 0, "conv2d: kernel \(weight) larger than padded input \(input)")
    }

    public var outHeight: Int { (height + 2 * padding - kernelHeight) / stride + 1 }
    public var outWidth: Int { (width + 2 * padding - kernelWidth) / stride + 1 }
    public var inputShape: [Int] { [batch, inChannels, height, width] }
    public var weightShape: [Int] { [outChannels, inChannels, kernelHeight, kernelWidth] }
    public var outputShape: [Int] { [batch, outChannels, outHeight, outWidth] }
    /// Rows of the im2col matrix: one per (channel, kernel row, kernel column).
    var patchSize: Int { inChannels * kernelHeight * kernelWidth }
    var outPlane: Int { outHeight * outWidth }
    var inPlane: Int { height * width }
    /// Multiply-adds of the forward pass.
    public var multiplyAdds: Int { batch * outChannels * outPlane * patchSize }
}

/// Unfolds `images` consecutive images into columns: `cols[(c,ky,kx), (image, oy, ox)]`,
/// with zeros where the kernel reads padding.
func im2col(_ g: ConvGeometry, input: UnsafePointer<Float>, images: Int, into cols: UnsafeMutablePointer<Float>) {
    let columns = images * g.outPlane
    // Channels touch disjoint rows of the columns and disjoint planes of the images.
    parallelChunks(g.inChannels, work: g.patchSize * columns) { channels in
        for c in channels {
            for ky in 0..<g.kernelHeight {
                for kx in 0..<g.kernelWidth {
                    let row = cols + ((c * g.kernelHeight + ky) * g.kernelWidth + kx) * columns
                    for image in 0..<images {
                        let plane = input + (image * g.inChannels + c) * g.inPlane
                        let dst = row + image * g.outPlane
                        for oy in 0..<g.outHeight {
                            let iy = oy * g.stride - g.padding + ky
                            let line = dst + oy * g.outWidth
                            if iy < 0 || iy >= g.height {
                                line.update(repeating: 0, count: g.outWidth)
                                continue
                            }
                            let src = plane + iy * g.width
                            if g.stride == 1 {
                                let shift = kx - g.padding
                                let lo = Swift.max(0, -shift)
                                let hi = Swift.min(g.outWidth, g.width - shift)
                                if lo > 0 { line.update(repeating: 0, count: lo) }
                                if hi > lo { (line + lo).update(from: src + lo + shift, count: hi - lo) }
                                if hi < g.outWidth { (line + Swift.max(hi, lo)).update(repeating: 0, count: g.outWidth - Swift.max(hi, lo)) }
                            } else {
                                for ox in 0..<g.outWidth {
                                    let ix = ox * g.stride - g.padding + kx
                                    line[ox] = ix >= 0 && ix < g.width ? src[ix] : 0
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The adjoint of ``im2col``: adds columns back into `images` consecutive images.
func col2imAdd(_ g: ConvGeometry, cols: UnsafePointer<Float>, images: Int, into output: UnsafeMutablePointer<Float>) {
    let columns = images * g.outPlane
    // Channels touch disjoint rows of the columns and disjoint planes of the images.
    parallelChunks(g.inChannels, work: g.patchSize * columns) { channels in
        for c in channels {
            for ky in 0..<g.kernelHeight {
                for kx in 0..<g.kernelWidth {
                    let row = cols + ((c * g.kernelHeight + ky) * g.kernelWidth + kx) * columns
                    for image in 0..<images {
                        let plane = output + (image * g.inChannels + c) * g.inPlane
                        let src = row + image * g.outPlane
                        for oy in 0..<g.outHeight {
                            let iy = oy * g.stride - g.padding + ky
                            if iy < 0 || iy >= g.height { continue }
                            let dst = plane + iy * g.width
                            let line = src + oy * g.outWidth
                            if g.stride == 1 {
                                let shift = kx - g.padding
                                let lo = Swift.max(0, -shift)
                                let hi = Swift.min(g.outWidth, g.width - shift)
                                if hi > lo { for ox in lo..<hi { dst[ox + shift] += line[ox] } }
                            } else {
                                for ox in 0..<g.outWidth {
                                    let ix = ox * g.stride - g.padding + kx
                                    if ix >= 0 && ix < g.width { dst[ix] += line[ox] }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
