import Autodiff

/// Weight initialisation schemes, each drawn from an explicit seeded generator.
public enum Initializer: Sendable {
    /// He et al.: N(0, 2 / fanIn), for layers followed by ReLU.
    case kaimingNormal
    /// He et al. uniform: U(±sqrt(6 / fanIn)).
    case kaimingUniform
    /// Glorot & Bengio: U(±sqrt(6 / (fanIn + fanOut))).
    case xavierUniform
    /// PyTorch's default for Linear and Conv2d: U(±1 / sqrt(fanIn)).
    case pytorchDefault

    /// A weight tensor of `shape` ([out, in] or [out, in, kh, kw]).
    public func weight(shape: [Int], using generator: inout SeededGenerator) -> Tensor {
        let receptive = shape.dropFirst(2).reduce(1, *)
        let fanIn = (shape.count > 1 ? shape[1] : 1) * receptive
        let fanOut = shape[0] * receptive
        switch self {
        case .kaimingNormal:
            return Tensor.randomNormal(shape: shape, standardDeviation: (2 / Float(fanIn)).squareRoot(), using: &generator)
        case .kaimingUniform:
            let bound = (6 / Float(fanIn)).squareRoot()
            return Tensor.randomUniform(shape: shape, in: -bound...bound, using: &generator)
        case .xavierUniform:
            let bound = (6 / Float(fanIn + fanOut)).squareRoot()
            return Tensor.randomUniform(shape: shape, in: -bound...bound, using: &generator)
        case .pytorchDefault:
            let bound = 1 / Float(fanIn).squareRoot()
            return Tensor.randomUniform(shape: shape, in: -bound...bound, using: &generator)
        }
    }

    /// A bias for a layer with `fanIn` inputs, as PyTorch initialises it: U(±1 / sqrt(fanIn)).
    public static func bias(count: Int, fanIn: Int, using generator: inout SeededGenerator) -> Tensor {
        let bound = 1 / Float(fanIn).squareRoot()
        return Tensor.randomUniform(shape: [count], in: -bound...bound, using: &generator)
    }
}
