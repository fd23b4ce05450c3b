/// One cell that differs from the previous frame.
public struct CellChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell

    /// A change of the cell at (`x`, `y`) to `cell`.
    public init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}

extension Buffer {
    /// The cells that differ from `previous`; every cell if the sizes differ. Continuation
    /// cells are included when they change, and backends skip them (the wide character to
    /// their left, which changed too, covers them).
    public func diff(from previous: Buffer) -> [CellChange] {
        var changes: [CellChange] = []
        diff(from: previous, into: &changes)
        return changes
    }

    /// Appends the changes since `previous` to `changes` (after emptying it), reusing its
    /// storage so the app loop allocates nothing per frame.
    public func diff(from previous: Buffer, into changes: inout [CellChange]) {
        changes.removeAll(keepingCapacity: true)
        let sameSize = previous.width == width && previous.height == height
        cells.withUnsafeBufferPointer { current in
            previous.cells.withUnsafeBufferPointer { old in
                for index in 0..<current.count where !sameSize || current[index] != old[index] {
                    changes.append(CellChange(x: index % width, y: index / width, cell: current[index]))
                }
            }
        }
    }
}
