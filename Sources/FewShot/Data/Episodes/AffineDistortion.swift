import Autodiff
import Foundation

/// Random affine distortions of training drawings, as Koch et al. (2015) trained their Siamese
/// network for Lake's runs: a rotation, a shear, a scale and a shift, each drawn with probability
/// one half. Koch's ranges were for 105x105 drawings; angles, shears and scales carry over, and
/// the shift of ±2 pixels becomes ±0.5 at 28x28.
public struct AffineDistortion: Sendable, Codable, Equatable {
    /// Largest rotation either way, in degrees (Koch: 10).
    public var maximumRotationDegrees: Float = 10
    /// Largest shear either way, on each axis (Koch: 0.3).
    public var maximumShear: Float = 0.3
    /// Scale factors drawn on each axis (Koch: 0.8 to 1.2).
    public var smallestScale: Float = 0.8
    public var largestScale: Float = 1.2
    /// Largest shift either way, in pixels of the 28x28 image, on each axis.
    public var maximumShift: Float = 0.5
    /// The chance each of the four is applied to a drawing.
    public var probability: Float = 0.5

    public init() {}

    /// Koch et al.'s distortions at 28x28.
    public static let koch = AffineDistortion()

    /// Every image of `images` [n, 1, h, w] warped by a distortion of its own about its centre,
    /// sampled bilinearly, blank (0) where it leaves the image.
    public func apply(to images: Tensor, using generator: inout SeededGenerator) -> Tensor {
        precondition(images.rank == 4 && images.shape[1] == 1, "AffineDistortion: images must be [n, 1, h, w], got \(images.shape)")
        let (count, height, width) = (images.shape[0], images.shape[2], images.shape[3])
        let plane = height * width
        var out = [Float](repeating: 0, count: images.count)
        images.scalars.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                for image in 0..<count {
                    let inverse = randomInverseMap(using: &generator)
                    Self.warp(
                        UnsafeBufferPointer(rebasing: source[(image * plane)..<((image + 1) * plane)]), height: height, width: width,
                        inverse: inverse, into: UnsafeMutableBufferPointer(rebasing: target[(image * plane)..<((image + 1) * plane)]))
                }
            }
        }
        return Tensor(shape: images.shape, scalars: out)
    }

    /// The map from an output pixel (relative to the centre) back to the source, as a 2x2 matrix
    /// (row-major) and a shift: the inverse of shift ∘ rotation ∘ shear ∘ scale.
    func randomInverseMap(using generator: inout SeededGenerator) -> (matrix: SIMD4<Float>, shift: SIMD2<Float>) {
        func maybe(_ draw: (inout SeededGenerator) -> Float, otherwise: Float) -> Float {
            generator.nextFloat(in: 0...1) < probability ? draw(&generator) : otherwise
        }
        let angle = maybe({ $0.nextFloat(in: -maximumRotationDegrees...maximumRotationDegrees) }, otherwise: 0) * .pi / 180
        let (shearX, shearY) = (
            maybe({ $0.nextFloat(in: -maximumShear...maximumShear) }, otherwise: 0),
            maybe({ $0.nextFloat(in: -maximumShear...maximumShear) }, otherwise: 0)
        )
        let (scaleX, scaleY) = (
            maybe({ $0.nextFloat(in: smallestScale...largestScale) }, otherwise: 1),
            maybe({ $0.nextFloat(in: smallestScale...largestScale) }, otherwise: 1)
        )
        let shift = SIMD2(
            maybe({ $0.nextFloat(in: -maximumShift...maximumShift) }, otherwise: 0),
            maybe({ $0.nextFloat(in: -maximumShift...maximumShift) }, otherwise: 0))
        // Forward matrix R · H · S, with H = [[1, shearX], [shearY, 1]] and S = diag(scaleX, scaleY).
        let (c, s) = (cos(angle), sin(angle))
        let (h00, h01, h10, h11) = (scaleX, shearX * scaleY, shearY * scaleX, scaleY)
        let (a, b) = (c * h00 - s * h10, c * h01 - s * h11)
        let (d, e) = (s * h00 + c * h10, s * h01 + c * h11)
        let determinant = a * e - b * d
        return (SIMD4(e, -b, -d, a) / determinant, shift)
    }

    /// Bilinear inverse warp of one image about its centre.
    static func warp(
        _ source: UnsafeBufferPointer<Float>, height: Int, width: Int, inverse: (matrix: SIMD4<Float>, shift: SIMD2<Float>),
        into target: UnsafeMutableBufferPointer<Float>
    ) {
        let (cx, cy) = (Float(width - 1) / 2, Float(height - 1) / 2)
        let m = inverse.matrix
        func pixel(_ x: Int, _ y: Int) -> Float { x >= 0 && x < width && y >= 0 && y < height ? source[y * width + x] : 0 }
        for y in 0..<height {
            for x in 0..<width {
                let (u, v) = (Float(x) - cx - inverse.shift.x, Float(y) - cy - inverse.shift.y)
                let (sx, sy) = (m[0] * u + m[1] * v + cx, m[2] * u + m[3] * v + cy)
                let (x0, y0) = (Int(sx.rounded(.down)), Int(sy.rounded(.down)))
                let (fx, fy) = (sx - Float(x0), sy - Float(y0))
                let top = pixel(x0, y0) * (1 - fx) + pixel(x0 + 1, y0) * fx
                let bottom = pixel(x0, y0 + 1) * (1 - fx) + pixel(x0 + 1, y0 + 1) * fx
                target[y * width + x] = top * (1 - fy) + bottom * fy
            }
        }
    }
}
