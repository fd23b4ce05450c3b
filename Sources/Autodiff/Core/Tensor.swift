/// A shaped, contiguous array of `Float` with value semantics.
///
/// A tensor may carry a node of the computation graph. Operations on tensors that carry nodes
/// record new nodes (unless recording is switched off with ``withoutRecording(_:)``), so that
/// ``gradients(of:withRespectTo:keepingGraph:)`` can walk back from a result to its inputs.
/// Mark the leaves you want gradients for with ``variable()``.
public struct Tensor: @unchecked Sendable {
    /// The extent of each axis, outermost first.
    public let shape: [Int]
    /// The elements in row-major order.
    public internal(set) var scalars: [Float]
    /// The graph node that produced this tensor, when it was recorded.
    var node: GraphNode?

    /// A tensor with the given shape and row-major elements.
    public init(shape: [Int], scalars: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor: negative extent in shape \(shape)")
        precondition(
            shape.reduce(1, *) == scalars.count,
            "Tensor: shape \(shape) needs \(shape.reduce(1, *)) scalars, got \(scalars.count)")
        self.shape = shape
        self.scalars = scalars
        self.node = nil
    }

    init(shape: [Int], scalars: [Float], node: GraphNode?) {
        self.shape = shape
        self.scalars = scalars
        self.node = node
    }

    /// A tensor of the given shape filled with `value`.
    public init(repeating value: Float, shape: [Int]) {
        self.init(shape: shape, scalars: [Float](repeating: value, count: shape.reduce(1, *)))
    }

    /// A tensor of zeros.
    public init(zeros shape: [Int]) { self.init(repeating: 0, shape: shape) }

    /// A rank-0 tensor holding one value.
    public init(_ value: Float) { self.init(shape: [], scalars: [value]) }

    /// A rank-1 tensor of the given values.
    public init(_ values: [Float]) { self.init(shape: [values.count], scalars: values) }

    /// The number of elements.
    public var count: Int { scalars.count }
    /// The number of axes.
    public var rank: Int { shape.count }
    /// The single value of a one-element tensor.
    public var scalar: Float {
        precondition(count == 1, "scalar: tensor of shape \(shape) has \(count) elements")
        return scalars[0]
    }

    /// Whether this tensor takes part in a recorded computation graph.
    public var isRecorded: Bool { node != nil }

    /// This tensor as a leaf of the graph: gradients can be taken with respect to it.
    public func variable() -> Tensor {
        Tensor(shape: shape, scalars: scalars, node: GraphNode(inputs: [], backward: nil))
    }

    /// The same values, cut off from the graph.
    public var detached: Tensor { Tensor(shape: shape, scalars: scalars) }

    /// Whether any element is NaN or infinite.
    public var hasNonFinite: Bool { scalars.contains { !$0.isFinite } }
}

extension Tensor: CustomStringConvertible {
    public var description: String {
        let shown = scalars.prefix(8).map { String(format: "%.4g", Double($0)) }.joined(separator: ", ")
        return "Tensor(\(shape): [\(shown)\(count > 8 ? ", …" : "")])"
    }
}

/// Allocates an array of `count` floats and lets `body` fill every one of them.
@inline(__always)
func makeScalars(_ count: Int, _ body: (UnsafeMutableBufferPointer<Float>) -> Void) -> [Float] {
    [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
        body(buffer)
        initialized = count
    }
}
