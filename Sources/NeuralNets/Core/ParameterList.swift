import Autodiff

/// Named tensors in a fixed order: a model's weights, passed explicitly to its forward pass.
///
/// Names follow the PyTorch module of the same architecture (`encoder.0.0.weight`, ...), so
/// checkpoints map one-to-one onto `state_dict` keys.
public struct ParameterList: Sendable {
    /// Names, in order.
    public private(set) var names: [String]
    /// Tensors, in the order of `names`.
    public var tensors: [Tensor]
    private var index: [String: Int]

    /// A list from names and tensors of equal count.
    public init(names: [String], tensors: [Tensor]) {
        precondition(names.count == tensors.count, "ParameterList: \(names.count) names for \(tensors.count) tensors")
        self.names = names
        self.tensors = tensors
        self.index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    }

    /// An empty list.
    public init() { self.init(names: [], tensors: []) }

    /// Adds a named tensor at the end.
    public mutating func append(_ name: String, _ tensor: Tensor) {
        precondition(index[name] == nil, "ParameterList: duplicate name \(name)")
        index[name] = names.count
        names.append(name)
        tensors.append(tensor)
    }

    /// The tensor called `name`.
    public subscript(name: String) -> Tensor {
        get {
            guard let i = index[name] else { preconditionFailure("ParameterList: no parameter \(name) among \(names)") }
            return tensors[i]
        }
        set {
            guard let i = index[name] else { preconditionFailure("ParameterList: no parameter \(name)") }
            tensors[i] = newValue
        }
    }

    /// Whether a tensor called `name` is present.
    public func contains(_ name: String) -> Bool { index[name] != nil }

    /// The number of tensors.
    public var count: Int { tensors.count }
    /// The number of scalars over all tensors.
    public var scalarCount: Int { tensors.map(\.count).reduce(0, +) }

    /// The same list with every tensor made a graph leaf.
    public func variables() -> ParameterList { ParameterList(names: names, tensors: tensors.map { $0.variable() }) }
    /// The same list cut off from the graph.
    public func detached() -> ParameterList { ParameterList(names: names, tensors: tensors.map(\.detached)) }

    /// One SGD step: `self - stepSize * gradients`, recorded when the inputs are (MAML's fast weights).
    public func descending(_ gradients: [Tensor], stepSize: Float) -> ParameterList {
        precondition(gradients.count == tensors.count, "descending: \(gradients.count) gradients for \(tensors.count) tensors")
        return ParameterList(names: names, tensors: zip(tensors, gradients).map { $0 - $1.scaled(by: stepSize) })
    }

    /// Every tensor repeated along a new leading axis of `count` tasks (one copy per task).
    public func expanded(tasks count: Int) -> ParameterList {
        ParameterList(names: names, tensors: tensors.map { $0.broadcast(to: [count] + $0.shape) })
    }
}
