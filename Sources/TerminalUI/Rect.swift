/// A rectangle of cells. Widths and heights are never negative: operations that would
/// shrink a rectangle past zero clamp to an empty one, so layout code needs no guards.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    /// Creates a rectangle; negative sizes are clamped to zero.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The empty rectangle at the origin.
    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    public var left: Int { x }
    public var top: Int { y }
    /// One past the last column.
    public var right: Int { x + width }
    /// One past the last row.
    public var bottom: Int { y + height }
    public var area: Int { width * height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    public var description: String { "Rect(x: \(x), y: \(y), width: \(width), height: \(height))" }

    /// Whether the cell at (`x`, `y`) lies inside.
    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < right && py >= y && py < bottom
    }

    /// The overlap of two rectangles (empty if they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(self.right, other.right), bottom = min(self.bottom, other.bottom)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Shrinks every side by `margin`.
    public func inset(by margin: Int) -> Rect {
        inset(horizontal: margin, vertical: margin)
    }

    /// Shrinks left and right by `horizontal`, top and bottom by `vertical`.
    public func inset(horizontal: Int, vertical: Int) -> Rect {
        Rect(x: x + horizontal, y: y + vertical, width: width - 2 * horizontal, height: height - 2 * vertical)
    }

    /// Shrinks each side by its own amount.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }

    /// A rectangle of at most `width` x `height` centred in this one.
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(w, width), ch = min(h, height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    /// The single row at `offset` from the top (empty if outside).
    public func row(_ offset: Int) -> Rect {
        guard offset >= 0 && offset < height else { return Rect(x: x, y: y + offset, width: width, height: 0) }
        return Rect(x: x, y: y + offset, width: width, height: 1)
    }

    /// Splits off the top `rows` (clamped), returning (top, rest).
    public func splitTop(_ rows: Int) -> (Rect, Rect) {
        let h = min(max(rows, 0), height)
        return (Rect(x: x, y: y, width: width, height: h), Rect(x: x, y: y + h, width: width, height: height - h))
    }

    /// Splits off the bottom `rows` (clamped), returning (rest, bottom).
    public func splitBottom(_ rows: Int) -> (Rect, Rect) {
        let h = min(max(rows, 0), height)
        return (Rect(x: x, y: y, width: width, height: height - h), Rect(x: x, y: bottom - h, width: width, height: h))
    }

    /// Splits off the left `columns` (clamped), returning (left, rest).
    public func splitLeft(_ columns: Int) -> (Rect, Rect) {
        let w = min(max(columns, 0), width)
        return (Rect(x: x, y: y, width: w, height: height), Rect(x: x + w, y: y, width: width - w, height: height))
    }

    /// Splits off the right `columns` (clamped), returning (rest, right).
    public func splitRight(_ columns: Int) -> (Rect, Rect) {
        let w = min(max(columns, 0), width)
        return (Rect(x: x, y: y, width: width - w, height: height), Rect(x: right - w, y: y, width: w, height: height))
    }
}
