/// How much of the split axis one part of a layout asks for.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells (less only if the whole area is too small).
    case length(Int)
    /// This percentage of the whole area, rounded down.
    case percentage(Int)
    /// At least this many cells; grows like `fill(1)` when no fill part exists.
    case min(Int)
    /// A share of what is left after the other parts, in proportion to the weight.
    case fill(Int)
}

/// Splits a rectangle into parts along one axis.
///
/// Fixed parts (`length`, `percentage`, `min`) are sized first; what remains goes to the
/// `fill` parts by weight, or, if there are none, to the `min` parts. When the area is too
/// small, parts are shrunk from the last one backwards, so headers keep their rows.
public struct Layout: Hashable, Sendable {
    /// The axis along which parts are laid out.
    public enum Direction: Hashable, Sendable {
        /// Parts stacked top to bottom.
        case vertical
        /// Parts side by side, left to right.
        case horizontal
    }

    public var direction: Direction
    public var constraints: [Constraint]
    /// Blank cells between consecutive parts.
    public var spacing: Int

    /// A layout of `constraints` along `direction`, with `spacing` blank cells between parts.
    public init(_ direction: Direction, _ constraints: [Constraint], spacing: Int = 0) {
        self.direction = direction
        self.constraints = constraints
        self.spacing = spacing
    }

    /// Parts stacked top to bottom.
    public static func vertical(_ constraints: [Constraint], spacing: Int = 0) -> Layout {
        Layout(.vertical, constraints, spacing: spacing)
    }

    /// Parts side by side.
    public static func horizontal(_ constraints: [Constraint], spacing: Int = 0) -> Layout {
        Layout(.horizontal, constraints, spacing: spacing)
    }

    /// One rectangle per constraint, in order; together with the spacing they tile `area`.
    public func split(_ area: Rect) -> [Rect] {
        let total = direction == .vertical ? area.height : area.width
        let sizes = Layout.sizes(for: constraints, total: total, spacing: spacing)
        var rects: [Rect] = []
        rects.reserveCapacity(sizes.count)
        var offset = 0
        for size in sizes {
            switch direction {
            case .vertical:
                rects.append(Rect(x: area.x, y: area.y + offset, width: area.width, height: size))
            case .horizontal:
                rects.append(Rect(x: area.x + offset, y: area.y, width: size, height: area.height))
            }
            offset = Swift.min(total, offset + size + spacing)
        }
        return rects
    }

    static func sizes(for constraints: [Constraint], total: Int, spacing: Int) -> [Int] {
        guard !constraints.isEmpty else { return [] }
        let available = Swift.max(0, total - spacing * (constraints.count - 1))
        var sizes = constraints.map { constraint -> Int in
            switch constraint {
            case .length(let n): return Swift.max(0, n)
            case .percentage(let p): return available * Swift.max(0, Swift.min(p, 100)) / 100
            case .min(let n): return Swift.max(0, n)
            case .fill: return 0
            }
        }
        var remaining = available - sizes.reduce(0, +)
        if remaining < 0 {
            for index in sizes.indices.reversed() where remaining < 0 {
                let cut = Swift.min(sizes[index], -remaining)
                sizes[index] -= cut
                remaining += cut
            }
            return sizes
        }
        var weights = constraints.map { constraint -> Int in
            if case .fill(let weight) = constraint { return Swift.max(1, weight) }
            return 0
        }
        if weights.allSatisfy({ $0 == 0 }) {
            weights = constraints.map { constraint in
                if case .min = constraint { return 1 }
                return 0
            }
        }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0 else { return sizes }
        // Integer shares, then the leftover cells one by one to the earliest parts, so the
        // split is exact and deterministic.
        var handedOut = 0
        for index in sizes.indices where weights[index] > 0 {
            let share = remaining * weights[index] / totalWeight
            sizes[index] += share
            handedOut += share
        }
        var leftover = remaining - handedOut
        for index in sizes.indices where weights[index] > 0 && leftover > 0 {
            sizes[index] += 1
            leftover -= 1
        }
        return sizes
    }
}

extension Rect {
    /// Splits into rows by `constraints` (see `Layout`).
    public func splitVertically(_ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        Layout.vertical(constraints, spacing: spacing).split(self)
    }

    /// Splits into columns by `constraints` (see `Layout`).
    public func splitHorizontally(_ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        Layout.horizontal(constraints, spacing: spacing).split(self)
    }
}
