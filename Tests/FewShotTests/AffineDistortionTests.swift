import Autodiff
import Foundation
import TestSupport
import Testing

@testable import FewShot

/// Koch et al.'s affine distortions of training drawings.
@Suite struct AffineDistortionTests {
    /// A 28x28 image with a filled rectangle of ink.
    static func blob(count: Int = 1) -> Tensor {
        var scalars = [Float](repeating: 0, count: count * 784)
        for image in 0..<count {
            for y in 8..<20 { for x in 10..<18 { scalars[image * 784 + y * 28 + x] = 1 } }
        }
        return Tensor(shape: [count, 1, 28, 28], scalars: scalars)
    }

    @Test("a distortion that never applies gives the images back, bit for bit")
    func neverApplied() {
        var none = AffineDistortion.koch
        none.probability = 0
        var rng = SeededGenerator(seed: 1)
        let images = Self.blob(count: 3)
        #expect(none.apply(to: images, using: &rng).scalars == images.scalars)
    }

    @Test("the inverse warp of a one-pixel shift moves the ink one pixel")
    func shift() {
        let image = Self.blob().scalars
        var out = [Float](repeating: .nan, count: 784)
        image.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                AffineDistortion.warp(source, height: 28, width: 28, inverse: (SIMD4(1, 0, 0, 1), SIMD2(1, 0)), into: target)
            }
        }
        for y in 0..<28 {
            for x in 0..<28 { #expect(out[y * 28 + x] == (x >= 1 ? image[y * 28 + x - 1] : 0)) }
        }
    }

    @Test("Koch's distortions move most drawings, keep their ink within the scale's bounds, and repeat from a seed")
    func kochDistortions() {
        let images = Self.blob(count: 200)
        var (a, b) = (SeededGenerator(seed: 5), SeededGenerator(seed: 5))
        let once = AffineDistortion.koch.apply(to: images, using: &a)
        #expect(once.scalars == AffineDistortion.koch.apply(to: images, using: &b).scalars)
        var moved = 0
        for i in 0..<200 {
            let (before, after) = (images.scalars[(i * 784)..<((i + 1) * 784)], once.scalars[(i * 784)..<((i + 1) * 784)])
            if before != after { moved += 1 }
            // Areas scale by 0.64 to 1.44 (and shears keep them); bilinear sampling smooths edges.
            let ratio = after.reduce(0, +) / before.reduce(0, +)
            #expect(ratio > 0.55 && ratio < 1.6, "image \(i): ink ratio \(ratio)")
        }
        // A drawing escapes every draw (the rotation, and the shear, scale and shift on each
        // axis, each skipped half the time) with probability 1/128.
        #expect(moved > 190, "\(moved) of 200 moved")
    }

    @Test("distortions are refused where there are no drawings to distort")
    func refusedOnSine() {
        var c = TrainingConfiguration.standard(.maml, .sine)
        c.distortion = .koch
        #expect(throws: TrainingError.self) { try Trainer(configuration: c, data: .sine) }
    }
}
