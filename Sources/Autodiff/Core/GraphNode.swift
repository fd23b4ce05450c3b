/// One recorded operation: the nodes of its inputs and the rule that maps the gradient of its
/// output to gradients of its inputs. Rules are written in tensor operations, so running them
/// while recording builds the graph of the gradient itself (second order).
final class GraphNode {
    let inputs: [GraphNode?]
    let backward: ((Tensor) -> [Tensor?])?

    init(inputs: [GraphNode?], backward: ((Tensor) -> [Tensor?])?) {
        self.inputs = inputs
        self.backward = backward
    }
}

/// Whether operations on this thread record graph nodes.
public enum GradientRecording {
    @TaskLocal static var isDisabled = false

    /// True unless inside ``withoutRecording(_:)``.
    public static var isEnabled: Bool { !isDisabled }
}

/// Runs `body` without recording any graph nodes: evaluation and first-order updates pay
/// nothing for autodiff inside it.
public func withoutRecording<T>(_ body: () throws -> T) rethrows -> T {
    try GradientRecording.$isDisabled.withValue(true, operation: body)
}

/// Runs `body` with recording switched on, even inside ``withoutRecording(_:)``.
func withRecording<T>(_ body: () throws -> T) rethrows -> T {
    try GradientRecording.$isDisabled.withValue(false, operation: body)
}

extension Tensor {
    /// Wraps a freshly computed result, recording a node when any input is recorded.
    @inline(__always)
    static func result(
        shape: [Int], scalars: [Float], inputs: [Tensor], backward: @escaping (Tensor) -> [Tensor?]
    ) -> Tensor {
        StepRecorder.current?.produced(scalars, shape: shape)
        guard inputs.contains(where: { $0.node != nil }), GradientRecording.isEnabled else {
            return Tensor(shape: shape, scalars: scalars)
        }
        let node = GraphNode(inputs: inputs.map(\.node), backward: backward)
        return Tensor(shape: shape, scalars: scalars, node: node)
    }

    @inline(__always)
    static func result(shape: [Int], scalars: [Float], input: Tensor, backward: @escaping (Tensor) -> Tensor) -> Tensor {
        result(shape: shape, scalars: scalars, inputs: [input]) { [backward($0)] }
    }
}
