/// Shape arithmetic shared by the operations.
enum Shape {
    /// Row-major strides of `shape`.
    static func strides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var running = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[axis] = running
            running *= shape[axis]
        }
        return strides
    }

    /// The NumPy broadcast of two shapes, or nil when they are incompatible.
    static func broadcast(_ a: [Int], _ b: [Int]) -> [Int]? {
        let rank = max(a.count, b.count)
        var out = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let da = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let db = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            guard da == db || da == 1 || db == 1 else { return nil }
            out[i] = da == 1 ? db : da
        }
        return out
    }

    /// Strides of `shape` read as if broadcast to `target` (zero along broadcast axes).
    static func broadcastStrides(_ shape: [Int], to target: [Int]) -> [Int] {
        let own = strides(shape)
        let offset = target.count - shape.count
        return (0..<target.count).map { i in
            i < offset || shape[i - offset] == 1 ? 0 : own[i - offset]
        }
    }

    /// Normalises a possibly negative axis.
    static func axis(_ axis: Int, rank: Int, op: String) -> Int {
        let a = axis < 0 ? axis + rank : axis
        precondition(a >= 0 && a < rank, "\(op): axis \(axis) out of range for rank \(rank)")
        return a
    }
}

/// Iterates a broadcast of up to two operands over an output shape, merging axes so that the
/// innermost loop is as long as possible: `body(outOffset, aOffset, bOffset, length, aStep, bStep)`.
struct BroadcastLoop {
    var extents: [Int]
    var aStrides: [Int]
    var bStrides: [Int]

    init(output: [Int], aStrides: [Int], bStrides: [Int]) {
        var e: [Int] = []
        var sa: [Int] = []
        var sb: [Int] = []
        for i in 0..<output.count where output[i] != 1 {
            if let last = e.indices.last,
                sa[last] == aStrides[i] * output[i], sb[last] == bStrides[i] * output[i]
            {
                e[last] *= output[i]
                sa[last] = aStrides[i]
                sb[last] = bStrides[i]
            } else {
                e.append(output[i])
                sa.append(aStrides[i])
                sb.append(bStrides[i])
            }
        }
        if e.isEmpty {
            e = [1]
            sa = [0]
            sb = [0]
        }
        extents = e
        self.aStrides = sa
        self.bStrides = sb
    }

    @inline(__always)
    func forEachRow(_ body: (_ out: Int, _ a: Int, _ b: Int, _ length: Int, _ aStep: Int, _ bStep: Int) -> Void) {
        let rank = extents.count
        let inner = extents[rank - 1]
        let aStep = aStrides[rank - 1]
        let bStep = bStrides[rank - 1]
        var outer = 1
        for i in 0..<(rank - 1) { outer *= extents[i] }
        if rank == 1 {
            body(0, 0, 0, inner, aStep, bStep)
            return
        }
        // The odometer lives on the stack: a replayed step allocates nothing per operation.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: rank - 1) { index in
            index.initialize(repeating: 0)
            var aOffset = 0
            var bOffset = 0
            for row in 0..<outer {
                body(row * inner, aOffset, bOffset, inner, aStep, bStep)
                var axis = rank - 2
                while axis >= 0 {
                    index[axis] += 1
                    aOffset += aStrides[axis]
                    bOffset += bStrides[axis]
                    if index[axis] < extents[axis] { break }
                    aOffset -= aStrides[axis] * extents[axis]
                    bOffset -= bStrides[axis] * extents[axis]
                    index[axis] = 0
                    axis -= 1
                }
            }
        }
    }
}
