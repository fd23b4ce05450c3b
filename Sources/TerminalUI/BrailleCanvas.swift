/// A drawing surface with 2x4 dots per cell (Unicode braille), so a 60x15 panel becomes a
/// 120x60 dot plot. Dot coordinates start at the top-left. Each cell keeps the colour of the
/// last dot drawn into it. In ASCII mode a cell becomes `'`, `.`, `:` or `#` depending on
/// which of its dots are set.
public struct BrailleCanvas: Widget, Hashable, Sendable {
    /// Size in cells.
    public let width: Int
    public let height: Int
    private var bits: [UInt8]
    private var colors: [Color?]

    /// A blank canvas of `width` x `height` cells.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        bits = Array(repeating: 0, count: self.width * self.height)
        colors = Array(repeating: nil, count: self.width * self.height)
    }

    /// Horizontal resolution in dots.
    public var dotWidth: Int { width * 2 }
    /// Vertical resolution in dots.
    public var dotHeight: Int { height * 4 }

    /// The braille bit for each (column, row) dot inside a cell, per the Unicode layout.
    private static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// Sets one dot; dots outside the canvas are ignored.
    public mutating func set(x: Int, y: Int, color: Color? = nil) {
        guard x >= 0 && y >= 0 && x < dotWidth && y < dotHeight else { return }
        let index = (y >> 2) * width + (x >> 1)
        bits[index] |= BrailleCanvas.dotBits[x & 1][y & 3]
        if let color { colors[index] = color }
    }

    /// Whether a dot is set.
    public func isSet(x: Int, y: Int) -> Bool {
        guard x >= 0 && y >= 0 && x < dotWidth && y < dotHeight else { return false }
        return bits[(y >> 2) * width + (x >> 1)] & BrailleCanvas.dotBits[x & 1][y & 3] != 0
    }

    /// Draws a straight line between two dots (Bresenham), clipped to the canvas.
    public mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), color: Color? = nil) {
        var x = start.x, y = start.y
        let dx = abs(end.x - x), dy = -abs(end.y - y)
        let stepX = x < end.x ? 1 : -1, stepY = y < end.y ? 1 : -1
        var error = dx + dy
        // Lines far off-canvas would loop for a long time; bound the walk by its length.
        var remaining = max(dx, -dy) + 1
        while remaining > 0 {
            set(x: x, y: y, color: color)
            if x == end.x && y == end.y { break }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += stepX }
            if doubled <= dx { error += dx; y += stepY }
            remaining -= 1
        }
    }

    /// Removes every dot.
    public mutating func clear() {
        for index in bits.indices {
            bits[index] = 0
            colors[index] = nil
        }
    }

    /// Draws the canvas at the top-left of `area`; empty cells are left untouched, so text
    /// drawn earlier shows through.
    public func render(into buffer: inout Buffer, area: Rect) {
        let target = area.intersection(buffer.area)
        guard !target.isEmpty else { return }
        let ascii = buffer.charset == .ascii
        for row in 0..<min(height, target.bottom - area.y) where area.y + row >= target.top {
            for column in 0..<min(width, target.right - area.x) where area.x + column >= target.left {
                let index = row * width + column
                let pattern = bits[index]
                guard pattern != 0 else { continue }
                let scalar = ascii ? BrailleCanvas.asciiSymbol(for: pattern) : Unicode.Scalar(0x2800 + UInt32(pattern))!
                buffer.set(x: area.x + column, y: area.y + row, scalar: scalar, style: Style(fg: colors[index]))
            }
        }
    }

    static func asciiSymbol(for pattern: UInt8) -> Unicode.Scalar {
        if pattern.nonzeroBitCount >= 6 { return "#" }
        let upper = pattern & 0x1B != 0  // rows 0 and 1
        let lower = pattern & 0xE4 != 0  // rows 2 and 3
        switch (upper, lower) {
        case (true, true): return ":"
        case (true, false): return "'"
        default: return "."
        }
    }
}
