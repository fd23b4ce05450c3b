import Foundation

/// A seeded, portable random generator (xoshiro256**, seeded through SplitMix64): the same seed
/// gives the same sequence on every machine.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Codable, Equatable {
    /// The generator's whole state, for checkpoints.
    public var state: [UInt64]

    /// A generator started from `seed`.
    public init(seed: UInt64) {
        var s = seed
        func splitMix() -> UInt64 {
            s &+= 0x9E37_79B9_7F4A_7C15
            var z = s
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = [splitMix(), splitMix(), splitMix(), splitMix()]
    }

    public mutating func next() -> UInt64 {
        let result = rotl(state[1] &* 5, 7) &* 9
        let t = state[1] << 17
        state[2] ^= state[0]
        state[3] ^= state[1]
        state[1] ^= state[2]
        state[0] ^= state[3]
        state[2] ^= t
        state[3] = rotl(state[3], 45)
        return result
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform Float in [0, 1) from 24 random bits (portable: no platform conversion).
    public mutating func nextUnitFloat() -> Float { Float(next() >> 40) * (1.0 / 16_777_216.0) }

    /// A uniform Float in `range`.
    public mutating func nextFloat(in range: ClosedRange<Float>) -> Float {
        range.lowerBound + (range.upperBound - range.lowerBound) * nextUnitFloat()
    }

    /// A standard normal sample (Box–Muller in Double for portability).
    public mutating func nextNormal() -> Float {
        let u1 = Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
        let u2 = Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
        return Float((-2 * Foundation.log(1 - u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2))
    }

    /// A uniform integer in 0..<bound without modulo bias.
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "nextInt(below:): bound must be positive")
        return Int(next(upperBound: UInt64(bound)))
    }
}

extension Tensor {
    /// Samples from N(0, std²).
    public static func randomNormal(shape: [Int], standardDeviation: Float = 1, using generator: inout SeededGenerator) -> Tensor {
        StepRecorder.current?.fail("random sampling inside a recorded step would be frozen")
        let n = shape.reduce(1, *)
        var values = [Float](repeating: 0, count: n)
        for i in 0..<n { values[i] = generator.nextNormal() * standardDeviation }
        return Tensor(shape: shape, scalars: values)
    }

    /// Samples from U[low, high).
    public static func randomUniform(shape: [Int], in range: ClosedRange<Float>, using generator: inout SeededGenerator) -> Tensor {
        StepRecorder.current?.fail("random sampling inside a recorded step would be frozen")
        let n = shape.reduce(1, *)
        var values = [Float](repeating: 0, count: n)
        for i in 0..<n { values[i] = generator.nextFloat(in: range) }
        return Tensor(shape: shape, scalars: values)
    }
}
