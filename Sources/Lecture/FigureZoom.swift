import TerminalUI

/// The zoom key: the figure is laid out for an area `factor` times smaller, then drawn `factor`
/// times larger. Drawings (every ``GlyphView``) are drawn again at the larger size, so strokes get
/// finer rather than blockier; braille and half-block plots are scaled dot by dot, so their
/// lines stay solid; borders and rules are drawn as single lines that reach further; text is
/// written once at its scaled place, single width, so "Squared" stays "Squared".
enum FigureZoom {
    static func draw(_ small: Buffer, factor: Int, into buffer: inout Buffer, at area: Rect) {
        let area = area.intersection(buffer.area)
        guard factor > 1, !area.isEmpty else { return }
        for y in 0..<small.height {
            var x = 0
            while x < small.width {
                let cell = small[x, y]
                if cell.isContinuation {
                    x += 1
                    continue
                }
                fillBackground(of: cell, block: block(x, y, factor, area), into: &buffer)
                if var shape = Shape(cell, in: small, x: x, y: y) {
                    // A piece reaches down only to a piece of line: a chart's tick stops above its label.
                    shape.down = shape.down && isLine(x, y + 1, small)
                    draw(shape, cell: cell, block: block(x, y, factor, area), factor: factor, into: &buffer, clip: area)
                    x += 1
                } else if cell.scalar == " " && !startsText(x + 1, y, small) {
                    x += 1
                } else {
                    x = drawText(from: x, row: y, of: small, factor: factor, into: &buffer, at: area)
                }
            }
        }
        for placed in small.placedGlyphs ?? [] {
            let target = Rect(
                x: area.x + placed.area.x * factor, y: area.y + placed.area.y * factor,
                width: placed.area.width * factor, height: placed.area.height * factor
            ).intersection(area)
            Clear().render(into: &buffer, area: target)
            placed.view.render(into: &buffer, area: target)
        }
    }

    /// Whether cell (`x`, `y`) is a piece of a border or rule.
    private static func isLine(_ x: Int, _ y: Int, _ small: Buffer) -> Bool {
        guard let cell = small.cell(x: x, y: y), let shape = Shape(cell, in: small, x: x, y: y) else { return false }
        if case .line = shape.kind { return true }
        return false
    }

    /// Whether cell (`x`, `y`) is text, so a space before it belongs to its run (a title's
    /// space after the border line it sits on).
    private static func startsText(_ x: Int, _ y: Int, _ small: Buffer) -> Bool {
        guard let cell = small.cell(x: x, y: y), !cell.isContinuation, cell.scalar != " " else { return false }
        return Shape(cell, in: small, x: x, y: y) == nil
    }

    /// The `factor` x `factor` cells cell (`x`, `y`) of the small layout becomes.
    static func block(_ x: Int, _ y: Int, _ factor: Int, _ area: Rect) -> Rect {
        Rect(x: area.x + x * factor, y: area.y + y * factor, width: factor, height: factor)
    }

    /// Coloured backgrounds (heat-map cells, selections) cover the whole block.
    private static func fillBackground(of cell: Cell, block: Rect, into buffer: inout Buffer) {
        guard cell.style.bg != nil || cell.style.modifiers.contains(.reverse) else { return }
        let block = block.intersection(buffer.area)
        guard !block.isEmpty else { return }
        let blank = Cell(" ", style: cell.style)
        for y in block.y..<block.bottom {
            for x in block.x..<block.right { buffer[x, y] = blank }
        }
    }

    /// Writes the run of text starting at `start` (words and single spaces between them) once,
    /// from the scaled position of its first cell; a title on a border keeps the border going
    /// after it. Returns the column after the run.
    private static func drawText(from start: Int, row y: Int, of small: Buffer, factor: Int, into buffer: inout Buffer, at area: Rect) -> Int {
        var end = start
        while end < small.width {
            let cell = small[end, y]
            if cell.isContinuation || Shape(cell, in: small, x: end, y: y) != nil { break }
            if cell.scalar == " " && (end + 1 >= small.width || small[end + 1, y].scalar == " ") { break }
            end += 1
        }
        let top = area.y + y * factor
        guard top < area.bottom else { return end }
        var column = area.x + start * factor
        for x in start..<end {
            let cell = small[x, y]
            if cell.isContinuation { continue }
            guard column + Int(max(1, cell.width)) <= area.right else { break }
            buffer[column, top] = cell
            if cell.width == 2 { buffer[column + 1, top] = .continuation(style: cell.style) }
            column += Int(max(1, cell.width))
        }
        // A title inside a border line: the line continues to where the next small cell begins.
        let neighbours = [start - 1, end].filter { $0 >= 0 && $0 < small.width }
        for x in neighbours {
            // Only a line that runs along the row: a border beside the text (│) is not one.
            guard let shape = Shape(small[x, y], in: small, x: x, y: y), case .line(let horizontal, _) = shape.kind,
                x < start ? shape.right : small[x, y].scalar == horizontal
            else { continue }
            let stop = min(area.right, area.x + end * factor)
            while column < stop {
                buffer[column, top] = Cell(horizontal, style: small[x, y].style)
                column += 1
            }
            break
        }
        return end
    }

    private static func draw(_ shape: Shape, cell: Cell, block: Rect, factor: Int, into buffer: inout Buffer, clip: Rect) {
        func put(_ x: Int, _ y: Int, _ scalar: Unicode.Scalar) {
            guard clip.contains(x: x, y: y) else { return }
            buffer[x, y] = Cell(scalar, style: cell.style)
        }
        switch shape.kind {
        case .line(let horizontal, let vertical):
            put(block.x, block.y, cell.scalar)
            if shape.right { for dx in 1..<factor { put(block.x + dx, block.y, horizontal) } }
            if shape.down { for dy in 1..<factor { put(block.x, block.y + dy, vertical) } }
        case .braille(let dots):
            // Dot (column, row) of the cell's 2 x 4 becomes a factor x factor square of dots.
            for by in 0..<factor {
                for bx in 0..<factor {
                    var bits: UInt32 = 0
                    for py in 0..<4 {
                        for px in 0..<2 {
                            let sourceX = (bx * 2 + px) / factor, sourceY = (by * 4 + py) / factor
                            if dots & Shape.brailleBit(sourceX, sourceY) != 0 { bits |= Shape.brailleBit(px, py) }
                        }
                    }
                    if bits != 0, let scalar = Unicode.Scalar(0x2800 + bits) { put(block.x + bx, block.y + by, scalar) }
                }
            }
        case .halfBlocks(let upper, let lower):
            for by in 0..<factor {
                let top = (by * 2) / factor == 0 ? upper : lower
                let bottom = (by * 2 + 1) / factor == 0 ? upper : lower
                let scalar: Unicode.Scalar? = top && bottom ? "█" : top ? "▀" : bottom ? "▄" : nil
                if let scalar { for bx in 0..<factor { put(block.x + bx, block.y + by, scalar) } }
            }
        case .fill:
            for by in 0..<factor { for bx in 0..<factor { put(block.x + bx, block.y + by, cell.scalar) } }
        }
    }
}

/// What a graphic cell is, for scaling: a piece of a line (and whether it runs on to the right
/// and downwards), braille dots, half blocks, or a shade that fills its block. Text is none.
struct Shape: Equatable {
    enum Kind: Equatable {
        /// A border or rule piece; the characters that continue it across and down.
        case line(horizontal: Unicode.Scalar, vertical: Unicode.Scalar)
        case braille(UInt32)
        case halfBlocks(upper: Bool, lower: Bool)
        case fill
    }

    var kind: Kind
    var right = false
    var down = false

    /// The shape of `cell` at (`x`, `y`) of `buffer`, or `nil` for text. ASCII borders
    /// (`+`, `-`, `|`) count as lines only beside other border characters, so a minus sign or a
    /// hyphen stays text.
    init?(_ cell: Cell, in buffer: Buffer, x: Int, y: Int) {
        let value = cell.scalar.value
        if let line = Shape.lines[cell.scalar] {
            self.init(kind: .line(horizontal: line.horizontal, vertical: line.vertical), right: line.right, down: line.down)
            return
        }
        switch value {
        case 0x2800...0x28FF:
            self.init(kind: .braille(value - 0x2800))
        case 0x2580:
            self.init(kind: .halfBlocks(upper: true, lower: false))
        case 0x2584:
            self.init(kind: .halfBlocks(upper: false, lower: true))
        case 0x2588:
            self.init(kind: .halfBlocks(upper: true, lower: true))
        case 0x2591...0x2593:
            self.init(kind: .fill)
        default:
            guard let ascii = Shape.asciiLine(cell.scalar, in: buffer, x: x, y: y) else { return nil }
            self = ascii
        }
    }

    private init(kind: Kind, right: Bool = false, down: Bool = false) {
        self.kind = kind
        self.right = right
        self.down = down
    }

    /// The bit of braille dot (`column`, `row`) in a cell's 2 x 4 dots (Unicode's order).
    static func brailleBit(_ column: Int, _ row: Int) -> UInt32 {
        let bits: [[UInt32]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
        return bits[row][column]
    }

    /// Box-drawing pieces: whether each runs on to the right and downwards (the pieces to the
    /// left and above reach it from their side), and the characters that continue it.
    static let lines: [Unicode.Scalar: (right: Bool, down: Bool, horizontal: Unicode.Scalar, vertical: Unicode.Scalar)] = {
        var table: [Unicode.Scalar: (Bool, Bool, Unicode.Scalar, Unicode.Scalar)] = [:]
        let families: [(String, Unicode.Scalar, Unicode.Scalar)] = [
            ("─│┌┐└┘├┤┬┴┼", "─", "│"), ("─│╭╮╰╯├┤┬┴┼", "─", "│"), ("━┃┏┓┗┛┣┫┳┻╋", "━", "┃"), ("═║╔╗╚╝╠╣╦╩╬", "═", "║")
        ]
        // The same eleven pieces in each family: horizontal, vertical, four corners, four tees, cross.
        let reach: [(Bool, Bool)] = [
            (true, false), (false, true), (true, true), (false, true), (true, false), (false, false),
            (true, true), (false, true), (true, true), (true, false), (true, true)
        ]
        for (pieces, horizontal, vertical) in families {
            for (piece, (right, down)) in zip(pieces.unicodeScalars, reach) { table[piece] = (right, down, horizontal, vertical) }
        }
        return table.mapValues { (right: $0.0, down: $0.1, horizontal: $0.2, vertical: $0.3) }
    }()

    /// `+`, `-` and `|` as border pieces when their neighbours are border pieces too.
    static func asciiLine(_ scalar: Unicode.Scalar, in buffer: Buffer, x: Int, y: Int) -> Shape? {
        func neighbour(_ dx: Int, _ dy: Int) -> Unicode.Scalar? { buffer.cell(x: x + dx, y: y + dy)?.scalar }
        let horizontalNext: Set<Unicode.Scalar> = ["-", "+"], verticalNext: Set<Unicode.Scalar> = ["|", "+"]
        switch scalar {
        case "|":
            return Shape(kind: .line(horizontal: "-", vertical: "|"), down: neighbour(0, 1).map(verticalNext.contains) ?? false)
        case "+":
            let right = neighbour(1, 0).map(horizontalNext.contains) ?? false
            let down = neighbour(0, 1).map(verticalNext.contains) ?? false
            let left = neighbour(-1, 0).map(horizontalNext.contains) ?? false
            let up = neighbour(0, -1).map(verticalNext.contains) ?? false
            guard right || down || left || up else { return nil }
            return Shape(kind: .line(horizontal: "-", vertical: "|"), right: right, down: down)
        case "-":
            let right = neighbour(1, 0).map(horizontalNext.contains) ?? false
            let left = neighbour(-1, 0).map(horizontalNext.contains) ?? false
            guard right || left else { return nil }
            return Shape(kind: .line(horizontal: "-", vertical: "|"), right: right)
        default:
            return nil
        }
    }
}
