/// One episode of Santoro et al.'s label-offset task: drawings of a few classes shuffled into a
/// sequence, each to be labelled as it comes, its true label shown one step later.
///
/// Holds only references into a ``DrawingProvider``, so it is cheap to copy and send.
public struct SequenceEpisode: Sendable, Hashable {
    /// The classes, label 0 first (labels are assigned anew in every episode).
    public let classes: [ClassIdentity]
    /// The drawing of each step, in presentation order.
    public let drawings: [DrawingRef]
    /// The true label (0..<classes.count) of each step.
    public let labels: [Int]

    /// An episode; every step needs a label among the classes.
    public init(classes: [ClassIdentity], drawings: [DrawingRef], labels: [Int]) {
        precondition(drawings.count == labels.count, "SequenceEpisode: \(drawings.count) drawings but \(labels.count) labels")
        precondition(labels.allSatisfy { $0 >= 0 && $0 < classes.count }, "SequenceEpisode: label out of 0..<\(classes.count)")
        self.classes = classes
        self.drawings = drawings
        self.labels = labels
    }

    /// The number of steps.
    public var length: Int { labels.count }

    /// Per step, which appearance of its class it is: 1 the first time the class is shown, 2 the
    /// second, ... (accuracy by instance counts hits per appearance number).
    public var instances: [Int] {
        var seen = [Int](repeating: 0, count: classes.count)
        return labels.map { label in
            seen[label] += 1
            return seen[label]
        }
    }
}
