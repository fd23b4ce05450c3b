/// Winograd's minimal filtering F(2x2, 3x3) (Lavin and Gray, "Fast Algorithms for Convolutional
/// Neural Networks", 2016) for a 3x3 convolution of stride 1 and padding 1, fused with the bias,
/// ReLU and 2x2 max-pooling that follow it in a ConvNet4 block; for inference only.
///
/// Each 2x2 output tile, which is exactly one pooling window, comes from a 4x4 input tile with
/// 16 products per (input, output) channel pair where direct convolution needs 36: the
/// products become 16 matrix products [out, in] x [in, tiles], 2.25x fewer multiply-adds, and
/// no im2col copy (each input value is read into 4 tiles rather than 9 columns). The transforms
/// use only additions and halves, so the result differs from im2col's by rounding alone.
enum WinogradKernels {
    /// Positions of a transformed 4x4 tile.
    static let positions = 16

    /// U = G g Gᵀ of every 3x3 filter g of `weight` [out, in, 3, 3], laid out [16][out][in],
    /// G = [[1, 0, 0], [½, ½, ½], [½, −½, ½], [0, 0, 1]].
    static func transformedFilters(_ weight: UnsafePointer<Float>, outChannels: Int, inChannels: Int) -> [Float] {
        let pairs = outChannels * inChannels
        var u = [Float](repeating: 0, count: positions * pairs)
        u.withUnsafeMutableBufferPointer { u in
            for pair in 0..<pairs {
                let g = weight + pair * 9
                // Rows of t = G g (4 x 3, as SIMD4 with a spare lane), then U = t Gᵀ row by row.
                let (g0, g1, g2) = (SIMD4(g[0], g[1], g[2], 0), SIMD4(g[3], g[4], g[5], 0), SIMD4(g[6], g[7], g[8], 0))
                @inline(__always) func store(_ r: SIMD4<Float>, _ i: Int) {
                    let row = SIMD4(r[0], 0.5 * (r[0] + r[1] + r[2]), 0.5 * (r[0] - r[1] + r[2]), r[2])
                    for j in 0..<4 { u[(i * 4 + j) * pairs + pair] = row[j] }
                }
                store(g0, 0)
                store(0.5 * (g0 + g1 + g2), 1)
                store(0.5 * (g0 - g1 + g2), 2)
                store(g2, 3)
            }
        }
        return u
    }

    /// output[n, out, h/2, w/2] = maxpool2x2(relu(conv3x3(input) + bias)) with padding 1 and
    /// odd trailing rows and columns dropped by the pooling, as PyTorch's default.
    /// `filters` comes from ``transformedFilters(_:outChannels:inChannels:)``.
    static func convolveRectifyPool(
        input: UnsafePointer<Float>, batch: Int, inChannels: Int, height: Int, width: Int,
        filters: UnsafePointer<Float>, outChannels: Int, bias: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>
    ) {
        let (pooledHeight, pooledWidth) = (height / 2, width / 2)
        let tilesPerImage = pooledHeight * pooledWidth
        guard tilesPerImage > 0, batch > 0 else { return }
        // Enough tiles for sgemm to run near its peak, few enough for the two buffers to stay
        // within a few megabytes.
        let imagesPerChunk = Swift.max(1, Swift.min(batch, 2048 / tilesPerImage))
        let scratch = ScratchSpace.current
        let maxTiles = imagesPerChunk * tilesPerImage
        let transformed = scratch.buffer(0, count: positions * inChannels * maxTiles)
        let products = scratch.buffer(1, count: positions * outChannels * maxTiles)
        let plane = height * width
        var first = 0
        while first < batch {
            let images = Swift.min(imagesPerChunk, batch - first)
            let tiles = images * tilesPerImage
            // V = Bᵀ d B for every input tile d, [16][in][tiles];
            // Bᵀ = [[1, 0, −1, 0], [0, 1, 1, 0], [0, −1, 1, 0], [0, 1, 0, −1]].
            let stride = inChannels * tiles
            for image in 0..<images {
                for c in 0..<inChannels {
                    let source = input + ((first + image) * inChannels + c) * plane
                    for ty in 0..<pooledHeight {
                        for tx in 0..<pooledWidth {
                            let top = 2 * ty - 1, left = 2 * tx - 1
                            func row(_ r: Int) -> SIMD4<Float> {
                                let y = top + r
                                guard y >= 0 && y < height else { return SIMD4() }
                                let p = source + y * width
                                if left >= 0 && left + 3 < width { return UnsafeRawPointer(p + left).loadUnaligned(as: SIMD4<Float>.self) }
                                var v = SIMD4<Float>()
                                for k in 0..<4 where left + k >= 0 && left + k < width { v[k] = p[left + k] }
                                return v
                            }
                            let (d0, d1, d2, d3) = (row(0), row(1), row(2), row(3))
                            let p = c * tiles + image * tilesPerImage + ty * pooledWidth + tx
                            // Bᵀ d on the tile's rows, then each row times B on its columns.
                            @inline(__always) func store(_ r: SIMD4<Float>, _ i: Int) {
                                let base = transformed + (i * 4) * stride + p
                                base[0] = r[0] - r[2]
                                base[stride] = r[1] + r[2]
                                base[2 * stride] = r[2] - r[1]
                                base[3 * stride] = r[1] - r[3]
                            }
                            store(d0 - d2, 0)
                            store(d1 + d2, 1)
                            store(d2 - d1, 2)
                            store(d1 - d3, 3)
                        }
                    }
                }
            }
            // M[ξ] = U[ξ] V[ξ]: [out, in] x [in, tiles] for each of the 16 positions.
            for position in 0..<positions {
                BLAS.sgemm(
                    transposeA: false, transposeB: false, m: outChannels, n: tiles, k: inChannels,
                    a: filters + position * outChannels * inChannels, lda: inChannels,
                    b: transformed + position * inChannels * tiles, ldb: tiles,
                    c: products + position * outChannels * tiles, ldc: tiles)
            }
            // Y = Aᵀ M A (Aᵀ = [[1, 1, 1, 0], [0, 1, −1, −1]]): the 2x2 pooling window, whose
            // maximum plus the bias, rectified, is the block's output.
            let outStride = outChannels * tiles
            for o in 0..<outChannels {
                let b = bias[o]
                for image in 0..<images {
                    let m = products + o * tiles + image * tilesPerImage
                    let out = output + ((first + image) * outChannels + o) * tilesPerImage
                    // Four neighbouring tiles at once: their values at each position are adjacent.
                    var position = 0
                    while position + 4 <= tilesPerImage {
                        @inline(__always) func at(_ xi: Int) -> SIMD4<Float> {
                            UnsafeRawPointer(m + xi * outStride + position).loadUnaligned(as: SIMD4<Float>.self)
                        }
                        let s00 = at(0) + at(4) + at(8), s01 = at(1) + at(5) + at(9)
                        let s02 = at(2) + at(6) + at(10), s03 = at(3) + at(7) + at(11)
                        let s10 = at(4) - at(8) - at(12), s11 = at(5) - at(9) - at(13)
                        let s12 = at(6) - at(10) - at(14), s13 = at(7) - at(11) - at(15)
                        let y00 = s00 + s01 + s02, y01 = s01 - s02 - s03
                        let y10 = s10 + s11 + s12, y11 = s11 - s12 - s13
                        // The maxima on scalars: SIMD selects and pointwiseMax are not specialised.
                        for k in 0..<4 {
                            out[position + k] = Swift.max(0, Swift.max(Swift.max(y00[k], y01[k]), Swift.max(y10[k], y11[k])) + b)
                        }
                        position += 4
                    }
                    while position < tilesPerImage {
                        @inline(__always) func at(_ xi: Int) -> Float { m[xi * outStride + position] }
                        let s0 = (at(0) + at(4) + at(8), at(1) + at(5) + at(9), at(2) + at(6) + at(10), at(3) + at(7) + at(11))
                        let s1 = (at(4) - at(8) - at(12), at(5) - at(9) - at(13), at(6) - at(10) - at(14), at(7) - at(11) - at(15))
                        let y00 = s0.0 + s0.1 + s0.2, y01 = s0.1 - s0.2 - s0.3
                        let y10 = s1.0 + s1.1 + s1.2, y11 = s1.1 - s1.2 - s1.3
                        out[position] = Swift.max(0, Swift.max(Swift.max(y00, y01), Swift.max(y10, y11)) + b)
                        position += 1
                    }
                }
            }
            first += images
        }
    }
}
