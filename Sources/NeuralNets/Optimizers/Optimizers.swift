import Autodiff
import Foundation

/// Something that turns gradients into new parameter values.
public protocol Optimizer: Sendable {
    /// Applies one step to `parameters` in place.
    mutating func step(_ parameters: inout ParameterList, gradients: [Tensor])
    /// The step size currently in use.
    var learningRate: Float { get set }
}

/// Stochastic gradient descent with optional momentum.
public struct SGD: Optimizer, Codable {
    public var learningRate: Float
    public var momentum: Float
    var velocity: [[Float]] = []

    public init(learningRate: Float, momentum: Float = 0) {
        self.learningRate = learningRate
        self.momentum = momentum
    }

    public mutating func step(_ parameters: inout ParameterList, gradients: [Tensor]) {
        if momentum != 0 && velocity.isEmpty { velocity = parameters.tensors.map { [Float](repeating: 0, count: $0.count) } }
        for i in parameters.tensors.indices {
            var values = parameters.tensors[i].detached.scalars
            let g = gradients[i].scalars
            if momentum != 0 {
                for j in values.indices {
                    velocity[i][j] = momentum * velocity[i][j] + g[j]
                    values[j] -= learningRate * velocity[i][j]
                }
            } else {
                for j in values.indices { values[j] -= learningRate * g[j] }
            }
            parameters.tensors[i] = Tensor(shape: parameters.tensors[i].shape, scalars: values)
        }
    }
}

/// Adam (Kingma & Ba) with PyTorch's defaults.
public struct Adam: Optimizer, Codable {
    public var learningRate: Float
    public var beta1: Float = 0.9
    public var beta2: Float = 0.999
    public var epsilon: Float = 1e-8
    /// Steps taken so far.
    public private(set) var stepCount = 0
    /// First and second moment estimates, per parameter tensor.
    public private(set) var firstMoments: [[Float]] = []
    public private(set) var secondMoments: [[Float]] = []

    public init(learningRate: Float) { self.learningRate = learningRate }

    /// An optimiser continuing from saved state (a checkpoint's moments and step count).
    public init(learningRate: Float, stepCount: Int, firstMoments: [[Float]], secondMoments: [[Float]]) {
        precondition(firstMoments.count == secondMoments.count, "Adam: moment lists differ in length")
        self.learningRate = learningRate
        self.stepCount = stepCount
        self.firstMoments = firstMoments
        self.secondMoments = secondMoments
    }

    public mutating func step(_ parameters: inout ParameterList, gradients: [Tensor]) {
        precondition(gradients.count == parameters.count, "Adam: \(gradients.count) gradients for \(parameters.count) parameters")
        if firstMoments.isEmpty {
            firstMoments = parameters.tensors.map { [Float](repeating: 0, count: $0.count) }
            secondMoments = firstMoments
        }
        stepCount += 1
        let correction1 = 1 - Float(Foundation.pow(Double(beta1), Double(stepCount)))
        let correction2 = 1 - Float(Foundation.pow(Double(beta2), Double(stepCount)))
        let stepSize = learningRate / correction1
        let (b1, b2, eps) = (beta1, beta2, epsilon)
        for i in parameters.tensors.indices {
            var values = parameters.tensors[i].detached.scalars
            gradients[i].scalars.withUnsafeBufferPointer { g in
                firstMoments[i].withUnsafeMutableBufferPointer { m in
                    secondMoments[i].withUnsafeMutableBufferPointer { v in
                        values.withUnsafeMutableBufferPointer { p in
                            for j in 0..<p.count {
                                m[j] = b1 * m[j] + (1 - b1) * g[j]
                                v[j] = b2 * v[j] + (1 - b2) * g[j] * g[j]
                                p[j] -= stepSize * m[j] / ((v[j] / correction2).squareRoot() + eps)
                            }
                        }
                    }
                }
            }
            parameters.tensors[i] = Tensor(shape: parameters.tensors[i].shape, scalars: values)
        }
    }
}

/// Multiplies the learning rate by `factor` every `interval` steps (PyTorch's StepLR).
public struct StepSchedule: Sendable, Codable {
    public var initialRate: Float
    public var interval: Int
    public var factor: Float

    public init(initialRate: Float, interval: Int, factor: Float = 0.5) {
        (self.initialRate, self.interval, self.factor) = (initialRate, interval, factor)
    }

    /// The learning rate after `step` steps.
    public func rate(atStep step: Int) -> Float {
        guard interval > 0 else { return initialRate }
        return initialRate * Float(Foundation.pow(Double(factor), Double(step / interval)))
    }
}
