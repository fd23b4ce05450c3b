import Autodiff
import Foundation
import NeuralNets

/// Where MAML, first-order MAML and Reptile would each move θ on one and the same sine task,
/// from the same θ: the lecture's side-by-side comparison, computed by the learners themselves
/// (``SineMAML`` in both orders, ``SineReptile``). A direction is the change to θ per unit of
/// outer step size: minus the meta-gradient of the query loss after one inner step for MAML and
/// first-order MAML, φₖ − θ after k SGD steps on the support points for Reptile.
public struct SineUpdateDirections: Sendable, Equatable {
    /// The three update rules, in the order of every array here.
    public enum Rule: Int, Sendable, CaseIterable {
        case maml, firstOrder, reptile
    }

    /// The Euclidean length of each rule's direction.
    public var lengths: [Float]
    /// `cosines[a][b]`: the cosine of the angle between the directions of rules `a` and `b`.
    public var cosines: [[Float]]
    /// The mean squared error on the query points after one inner step from θ.
    public var queryLoss: Float
    /// The same error after θ was first moved `moveLength` along each rule's direction.
    public var queryLossMoved: [Float]
    /// How far θ is moved (in parameter space) for `queryLossMoved`.
    public var moveLength: Float

    /// The angle in degrees between the directions of `a` and `b`.
    public func angle(_ a: Rule, _ b: Rule) -> Float {
        acosf(min(1, max(-1, cosines[a.rawValue][b.rawValue]))) * 180 / Float.pi
    }

    /// The three directions from `theta` for one task given as support and query points, with
    /// inner step size `innerStepSize` (one step for MAML, `reptileSteps` for Reptile).
    public static func compute(
        theta: ParameterList, model: SineMLP = SineMLP(), support: [(x: Float, y: Float)], query: [(x: Float, y: Float)],
        innerStepSize: Float, reptileSteps: Int, moveLength: Float
    ) -> SineUpdateDirections {
        func column(_ values: [Float]) -> Tensor { Tensor(shape: [1, values.count, 1], scalars: values) }
        let batch = RegressionBatch(
            supportX: column(support.map(\.x)), supportY: column(support.map(\.y)), queryX: column(query.map(\.x)),
            queryY: column(query.map(\.y)))
        let oneStep = InnerLoop(steps: 1, stepSize: innerStepSize)
        func descent(_ order: MAML.Order) -> [Float] {
            SineMAML(model: model, inner: oneStep, order: order).metaGradient(theta, batch: batch).gradients.flatMap { $0.scalars.map { -$0 } }
        }
        let reptile = SineReptile(model: model, inner: InnerLoop(steps: reptileSteps, stepSize: innerStepSize))
        let moved = reptile.metaStep(theta, batch: batch, metaStepSize: 1).parameters
        let start = theta.tensors.flatMap(\.scalars)
        let directions = [descent(.secondOrder), descent(.firstOrder), zip(moved.tensors.flatMap(\.scalars), start).map { $0 - $1 }]

        let lengths = directions.map { d in d.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        let cosines = directions.indices.map { a in
            directions.indices.map { b -> Float in
                guard lengths[a] > 0, lengths[b] > 0 else { return 0 }
                return zip(directions[a], directions[b]).reduce(0) { $0 + $1.0 * $1.1 } / (lengths[a] * lengths[b])
            }
        }
        let adapted = SineMAML(model: model, inner: oneStep)
        func lossAfterInnerStep(_ parameters: ParameterList) -> Float { adapted.queryErrors(parameters, batch: batch, maxSteps: 1)[1] }
        let movedLosses = directions.indices.map { r -> Float in
            guard lengths[r] > 0 else { return lossAfterInnerStep(theta) }
            return lossAfterInnerStep(theta.moved(along: directions[r], by: moveLength / lengths[r]))
        }
        return SineUpdateDirections(
            lengths: lengths, cosines: cosines, queryLoss: lossAfterInnerStep(theta), queryLossMoved: movedLosses, moveLength: moveLength)
    }

    /// The directions from a fresh initialisation of the sine network drawn with `seed`, where
    /// meta-training starts.
    public static func atInitialization(
        seed: UInt64, support: [(x: Float, y: Float)], query: [(x: Float, y: Float)], innerStepSize: Float, reptileSteps: Int,
        moveLength: Float
    ) -> SineUpdateDirections {
        var generator = SeededGenerator(seed: seed)
        let theta = SineMLP().initialParameters(using: &generator)
        return compute(
            theta: theta, support: support, query: query, innerStepSize: innerStepSize, reptileSteps: reptileSteps, moveLength: moveLength)
    }
}

extension ParameterList {
    /// These parameters plus `scale` times `direction` (all tensors flattened in order).
    fileprivate func moved(along direction: [Float], by scale: Float) -> ParameterList {
        var result = detached()
        var offset = 0
        for (i, tensor) in tensors.enumerated() {
            let values = tensor.scalars
            let step = direction[offset..<(offset + values.count)]
            result.tensors[i] = Tensor(shape: tensor.shape, scalars: zip(values, step).map { $0 + scale * $1 })
            offset += values.count
        }
        return result
    }
}
