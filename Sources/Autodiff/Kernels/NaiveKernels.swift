/// Direct loop implementations of the fast kernels: slow, obviously right, and the reference
/// every fast kernel is tested against.
public enum NaiveKernels {
    /// Row-major [m,k]·[k,n].
    public static func matmul(_ a: [Float], _ b: [Float], m: Int, k: Int, n: Int) -> [Float] {
        var c = [Float](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var s: Float = 0
                for p in 0..<k { s += a[i * k + p] * b[p * n + j] }
                c[i * n + j] = s
            }
        }
        return c
    }

    /// Direct convolution (cross-correlation, as PyTorch's conv2d) with zero padding.
    public static func conv2d(_ x: [Float], inputShape: [Int], _ w: [Float], weightShape: [Int], stride: Int, padding: Int) -> [Float] {
        let g = ConvGeometry(input: inputShape, weight: weightShape, stride: stride, padding: padding)
        var out = [Float](repeating: 0, count: g.outputShape.reduce(1, *))
        for n in 0..<g.batch {
            for o in 0..<g.outChannels {
                for oy in 0..<g.outHeight {
                    for ox in 0..<g.outWidth {
                        var s: Float = 0
                        for c in 0..<g.inChannels {
                            for ky in 0..<g.kernelHeight {
                                for kx in 0..<g.kernelWidth {
                                    let iy = oy * stride - padding + ky
                                    let ix = ox * stride - padding + kx
                                    guard iy >= 0, iy < g.height, ix >= 0, ix < g.width else { continue }
                                    s +=
                                        x[((n * g.inChannels + c) * g.height + iy) * g.width + ix]
                                        * w[((o * g.inChannels + c) * g.kernelHeight + ky) * g.kernelWidth + kx]
                                }
                            }
                        }
                        out[((n * g.outChannels + o) * g.outHeight + oy) * g.outWidth + ox] = s
                    }
                }
            }
        }
        return out
    }

    /// 2x2 max-pool with stride 2 (odd trailing rows and columns dropped).
    public static func maxPool2x2(_ x: [Float], shape: [Int]) -> [Float] {
        let (n, c, h, w) = (shape[0], shape[1], shape[2], shape[3])
        let (oh, ow) = (h / 2, w / 2)
        var out = [Float](repeating: 0, count: n * c * oh * ow)
        for p in 0..<(n * c) {
            for y in 0..<oh {
                for x0 in 0..<ow {
                    var m = -Float.infinity
                    for dy in 0..<2 { for dx in 0..<2 { m = max(m, x[(p * h + 2 * y + dy) * w + 2 * x0 + dx]) } }
                    out[(p * oh + y) * ow + x0] = m
                }
            }
        }
        return out
    }
}
