import Autodiff

/// One few-shot task: N classes with K labelled support drawings each, and query drawings to
/// classify. Holds only references into a ``DrawingProvider``, so it is cheap to copy and send.
public struct Episode: Sendable, Hashable {
    /// One class of the episode; its label is its position in ``Episode/classes``.
    public struct Class: Sendable, Hashable {
        /// What the class is.
        public let identity: ClassIdentity
        /// Its support drawings.
        public let support: [DrawingRef]

        /// A class with its support drawings.
        public init(identity: ClassIdentity, support: [DrawingRef]) {
            self.identity = identity
            self.support = support
        }
    }

    /// The classes, label 0 first.
    public let classes: [Class]
    /// The query drawings, in presentation order.
    public let queries: [DrawingRef]
    /// The true label (0..<ways) of each query.
    public let queryLabels: [Int]

    /// An episode; every class needs the same number of support drawings, and each query a label.
    public init(classes: [Class], queries: [DrawingRef], queryLabels: [Int]) {
        precondition(Set(classes.map(\.support.count)).count <= 1, "Episode: classes need equal support counts")
        precondition(queries.count == queryLabels.count, "Episode: \(queries.count) queries but \(queryLabels.count) labels")
        precondition(queryLabels.allSatisfy { $0 >= 0 && $0 < classes.count }, "Episode: query label out of 0..<\(classes.count)")
        self.classes = classes
        self.queries = queries
        self.queryLabels = queryLabels
    }

    /// N, the number of classes.
    public var ways: Int { classes.count }
    /// K, support drawings per class.
    public var shots: Int { classes.first?.support.count ?? 0 }

    /// All support drawings, class-major (class 0's K drawings first).
    public var support: [DrawingRef] { classes.flatMap(\.support) }
    /// The label of each of ``support``: `[0, 0, ..., 1, 1, ...]`.
    public var supportLabels: [Int] { classes.indices.flatMap { Array(repeating: $0, count: shots) } }

    /// The queries whose true class is `label`.
    public func queries(ofClass label: Int) -> [DrawingRef] {
        zip(queries, queryLabels).compactMap { $1 == label ? $0 : nil }
    }

    /// The support images as a `[N*K, 1, 28, 28]` tensor, class-major, ink = 1.
    public func supportImages(from provider: some DrawingProvider) -> Tensor { Self.images(support, provider.drawings) }

    /// The query images as a `[queries, 1, 28, 28]` tensor, in ``queries`` order.
    public func queryImages(from provider: some DrawingProvider) -> Tensor { Self.images(queries, provider.drawings) }

    /// Images of `refs` as a `[refs.count, 1, 28, 28]` tensor.
    static func images(_ refs: [DrawingRef], _ store: DrawingStore) -> Tensor {
        let side = DrawingStore.imageSide, size = side * side
        var scalars = [Float](repeating: 0, count: refs.count * size)
        scalars.withUnsafeMutableBufferPointer { out in
            for (i, ref) in refs.enumerated() {
                store.writeImage28(
                    Int(ref.index), rotation: ref.rotation, into: UnsafeMutableBufferPointer(rebasing: out[(i * size)..<((i + 1) * size)]))
            }
        }
        return Tensor(shape: [refs.count, 1, side, side], scalars: scalars)
    }
}
