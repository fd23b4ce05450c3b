/// A 3x3 convolution of stride 1 and padding 1 fused with bias, ReLU and 2x2 max-pooling, computed
/// directly, 8 output channels per vector: for inputs with very few channels (a ConvNet4's first
/// block sees one), where Winograd's 16 products per tile would each have an inner extent of one
/// and its buffers would cost more memory traffic than the arithmetic they save.
enum DirectBlockKernels {
    /// Output channels per vector: 8, so that a window's four accumulators and the broadcast
    /// inputs stay in the 16 registers of the baseline x86-64 the package is built for.
    static let lanes = 8

    /// Same contract as ``WinogradKernels/convolveRectifyPool(input:batch:inChannels:height:width:filters:outChannels:bias:output:)``,
    /// from the untransformed `weight` [out, in, 3, 3].
    static func convolveRectifyPool(
        input: UnsafePointer<Float>, batch: Int, inChannels: Int, height: Int, width: Int,
        weight: UnsafePointer<Float>, outChannels: Int, bias: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>
    ) {
        let (pooledHeight, pooledWidth) = (height / 2, width / 2)
        let tilesPerImage = pooledHeight * pooledWidth
        guard tilesPerImage > 0, batch > 0 else { return }
        let groups = (outChannels + lanes - 1) / lanes
        // Weights as [group][in][tap] vectors over 8 output channels; missing channels are zero.
        var packed = [SIMD8<Float>](repeating: .zero, count: groups * inChannels * 9)
        for o in 0..<outChannels {
            let (group, lane) = (o / lanes, o % lanes)
            for c in 0..<inChannels {
                for tap in 0..<9 { packed[(group * inChannels + c) * 9 + tap][lane] = weight[(o * inChannels + c) * 9 + tap] }
            }
        }
        let plane = height * width
        // The 4x4 input patch and the window's four output vectors, as plain floats: indexing a SIMD
        // value by a variable goes through memory anyway, and slowly.
        let patch = UnsafeMutablePointer<Float>.allocate(capacity: 16)
        let window = UnsafeMutablePointer<SIMD8<Float>>.allocate(capacity: 4)
        defer { patch.deallocate(); window.deallocate() }
        packed.withUnsafeBufferPointer { w in
            for image in 0..<batch {
                for ty in 0..<pooledHeight {
                    for tx in 0..<pooledWidth {
                        let (top, left) = (2 * ty - 1, 2 * tx - 1)
                        let interior = top >= 0 && left >= 0 && top + 3 < height && left + 3 < width
                        for group in 0..<groups {
                            // The four outputs of the pooling window, (row, column).
                            var (a00, a01, a10, a11) = (SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>())
                            for c in 0..<inChannels {
                                let source = input + (image * inChannels + c) * plane
                                if interior {
                                    for r in 0..<4 { (patch + 4 * r).update(from: source + (top + r) * width + left, count: 4) }
                                } else {
                                    patch.update(repeating: 0, count: 16)
                                    for r in 0..<4 where top + r >= 0 && top + r < height {
                                        for k in 0..<4 where left + k >= 0 && left + k < width {
                                            patch[r * 4 + k] = source[(top + r) * width + left + k]
                                        }
                                    }
                                }
                                let taps = w.baseAddress! + (group * inChannels + c) * 9
                                for ky in 0..<3 {
                                    for kx in 0..<3 {
                                        let t = taps[ky * 3 + kx], q = patch + ky * 4 + kx
                                        a00 += t * q[0]
                                        a01 += t * q[1]
                                        a10 += t * q[4]
                                        a11 += t * q[5]
                                    }
                                }
                            }
                            // The window's maximum per channel, on scalars: the generic
                            // pointwiseMax is not specialised for these vectors.
                            window[0] = a00
                            window[1] = a01
                            window[2] = a10
                            window[3] = a11
                            let values = UnsafeRawPointer(window).assumingMemoryBound(to: Float.self)
                            let first = output + (image * outChannels + group * lanes) * tilesPerImage + ty * pooledWidth + tx
                            for lane in 0..<Swift.min(lanes, outChannels - group * lanes) {
                                let m = Swift.max(
                                    Swift.max(values[lane], values[lanes + lane]), Swift.max(values[2 * lanes + lane], values[3 * lanes + lane]))
                                first[lane * tilesPerImage] = Swift.max(0, m + bias[group * lanes + lane])
                            }
                        }
                    }
                }
            }
        }
    }
}
