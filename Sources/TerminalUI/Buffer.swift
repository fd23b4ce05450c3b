/// A grid of cells that widgets draw into. A frame is a pure function of app state into a
/// `Buffer`; `Terminal` then sends only the difference from the previous frame.
public struct Buffer: Hashable, Sendable {
    /// Number of columns.
    public private(set) var width: Int
    /// Number of rows.
    public private(set) var height: Int
    /// Row-major cells, `width * height` of them.
    public internal(set) var cells: [Cell]
    /// What the destination can display; widgets choose their glyphs from it.
    public var charset: Charset
    /// When not `nil`, every ``GlyphView`` drawn here is also listed, with where it went, so a
    /// figure laid out small can have its drawings drawn again larger (the lecture's zoom).
    public var placedGlyphs: [PlacedGlyph]?

    /// A blank buffer.
    public init(width: Int, height: Int, charset: Charset = .unicode) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
        self.charset = charset
    }

    /// The whole buffer as a rectangle at the origin.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (`x`, `y`); both must be in bounds.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            precondition(x >= 0 && x < width && y >= 0 && y < height, "Buffer[\(x), \(y)] outside \(width)x\(height)")
            return cells[y * width + x]
        }
        set {
            precondition(x >= 0 && x < width && y >= 0 && y < height, "Buffer[\(x), \(y)] outside \(width)x\(height)")
            cells[y * width + x] = newValue
        }
    }

    /// The cell at (`x`, `y`), or `nil` when outside.
    public func cell(x: Int, y: Int) -> Cell? {
        guard x >= 0 && x < width && y >= 0 && y < height else { return nil }
        return cells[y * width + x]
    }

    /// Blanks every cell, keeping the allocation (the app loop reuses one buffer per frame).
    public mutating func reset() {
        cells.withUnsafeMutableBufferPointer { pointer in
            pointer.update(repeating: .blank)
        }
    }

    /// Changes the size; the contents become blank.
    public mutating func resize(width newWidth: Int, height newHeight: Int) {
        width = max(0, newWidth)
        height = max(0, newHeight)
        cells = Array(repeating: .blank, count: width * height)
    }
}
