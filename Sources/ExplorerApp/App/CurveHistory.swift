/// A training curve of unbounded length kept in bounded memory: values are averaged into
/// buckets, and when the buckets run out, neighbours merge and each bucket covers twice as
/// many iterations. The chart stays a faithful picture of the whole run at any length.
public struct CurveHistory: Sendable, Equatable {
    /// Buckets kept at most (a chart is never wider than this many dots).
    public let capacity: Int
    /// Iterations per completed bucket.
    public private(set) var bucketSize = 1
    /// Bucket means, oldest first.
    public private(set) var values: [Float] = []
    /// Iteration of the first value recorded.
    public private(set) var firstIteration = 0
    private var partialSum: Float = 0
    private var partialCount = 0

    /// An empty curve keeping at most `capacity` (even, ≥ 2) buckets.
    public init(capacity: Int = 512) {
        self.capacity = max(2, capacity + capacity % 2)
    }

    /// Adds the value of the next iteration; non-finite values are skipped so one bad
    /// iteration does not wipe out the chart's scale.
    public mutating func append(_ value: Float, iteration: Int) {
        guard value.isFinite else { return }
        if values.isEmpty && partialCount == 0 { firstIteration = iteration }
        partialSum += value
        partialCount += 1
        guard partialCount == bucketSize else { return }
        values.append(partialSum / Float(partialCount))
        partialSum = 0
        partialCount = 0
        if values.count == capacity {
            values = stride(from: 0, to: values.count, by: 2).map { (values[$0] + values[$0 + 1]) / 2 }
            bucketSize *= 2
        }
    }

    /// Whether nothing has been recorded.
    public var isEmpty: Bool { values.isEmpty && partialCount == 0 }

    /// The last value recorded (or the running mean of the bucket being filled).
    public var latest: Float? { partialCount > 0 ? partialSum / Float(partialCount) : values.last }

    /// (iteration, value) pairs for a chart, the bucket being filled included.
    public var points: [(iteration: Double, value: Double)] {
        var out = values.enumerated().map { (Double(firstIteration + $0.offset * bucketSize + bucketSize / 2), Double($0.element)) }
        if partialCount > 0 {
            out.append((Double(firstIteration + values.count * bucketSize + partialCount / 2), Double(partialSum / Float(partialCount))))
        }
        return out
    }
}
