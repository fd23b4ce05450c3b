extension Buffer {
    /// Writes `string` from (`x`, `y`) rightwards, clipped to `clip` (default: the whole
    /// buffer) and to the buffer. `style` is patched over each cell's existing style.
    /// Wide characters that would straddle the clip edge are not drawn; combining marks
    /// attach to the preceding character; control characters are skipped.
    /// - Returns: the column after the last character written (or that would have been).
    @discardableResult
    public mutating func set(x: Int, y: Int, string: String, style: Style = .plain, clip: Rect? = nil) -> Int {
        let bounds = clip.map { $0.intersection(area) } ?? area
        guard y >= bounds.top && y < bounds.bottom else { return x + CharacterWidth.of(string) }
        var column = x
        var lastWritten = -1
        for scalar in string.unicodeScalars {
            let width = CharacterWidth.of(scalar)
            if width == 0 {
                if lastWritten >= 0 && scalar.value >= 0x300 && cells[y * self.width + lastWritten].mark == nil {
                    cells[y * self.width + lastWritten].mark = scalar
                }
                continue
            }
            if column + width > bounds.right { break }
            if column >= bounds.left {
                put(scalar, width: width, x: column, y: y, style: style)
                lastWritten = column
            }
            column += width
        }
        return column
    }

    /// Writes styled spans one after another; returns the column after the last one.
    @discardableResult
    public mutating func set(x: Int, y: Int, spans: [Span], clip: Rect? = nil) -> Int {
        var column = x
        for span in spans {
            column = set(x: column, y: y, string: span.text, style: span.style, clip: clip)
        }
        return column
    }

    /// Writes a single character with the given style (patched over the cell's style).
    public mutating func set(x: Int, y: Int, scalar: Unicode.Scalar, style: Style = .plain) {
        let width = CharacterWidth.of(scalar)
        guard width > 0, y >= 0, y < height, x >= 0, x + width <= self.width else { return }
        put(scalar, width: width, x: x, y: y, style: style)
    }

    /// Fills `rect` (clipped) with `scalar`, replacing styles with `style` outright; used to
    /// clear an area before drawing over it, e.g. under a popup.
    public mutating func fill(_ rect: Rect, with scalar: Unicode.Scalar = " ", style: Style = .plain) {
        let target = rect.intersection(area)
        guard !target.isEmpty else { return }
        // A fill that cuts through a wide character would leave half of it behind.
        for row in target.top..<target.bottom {
            breakWideCharacter(atColumn: target.left, row: row)
            breakWideCharacter(atColumn: target.right - 1, row: row)
        }
        let template = Cell(scalar, style: style, width: 1)
        for row in target.top..<target.bottom {
            let start = row * width + target.left
            for index in start..<(start + target.width) {
                cells[index] = template
            }
        }
    }

    /// Patches `style` over every cell of `rect` (clipped), keeping their characters.
    public mutating func setStyle(_ rect: Rect, style: Style) {
        let target = rect.intersection(area)
        guard !target.isEmpty else { return }
        for row in target.top..<target.bottom {
            let start = row * width + target.left
            for index in start..<(start + target.width) {
                cells[index].style = cells[index].style.patched(with: style)
            }
        }
    }

    // MARK: - Wide-character bookkeeping

    /// Places one character whose width is known and which fits in the buffer.
    @inline(__always)
    mutating func put(_ scalar: Unicode.Scalar, width: Int, x: Int, y: Int, style: Style) {
        breakWideCharacter(atColumn: x, row: y)
        if width == 2 { breakWideCharacter(atColumn: x + 1, row: y) }
        let index = y * self.width + x
        let patched = cells[index].style.patched(with: style)
        cells[index].scalar = scalar
        cells[index].mark = nil
        cells[index].width = UInt8(width)
        cells[index].style = patched
        if width == 2 {
            cells[index + 1] = .continuation(style: cells[index + 1].style.patched(with: style))
        }
    }

    /// If the cell at (`column`, `row`) is half of a wide character, blanks the other half
    /// so overwriting one half never leaves an orphan the terminal would misdraw.
    @inline(__always)
    mutating func breakWideCharacter(atColumn column: Int, row: Int) {
        guard column >= 0 && column < width else { return }
        let index = row * width + column
        let cell = cells[index]
        if cell.isContinuation {
            if column > 0 && cells[index - 1].width == 2 {
                cells[index - 1].scalar = " "
                cells[index - 1].mark = nil
                cells[index - 1].width = 1
            }
            cells[index].width = 1
            cells[index].scalar = " "
        } else if cell.width == 2 {
            if column + 1 < width && cells[index + 1].isContinuation {
                cells[index + 1].width = 1
                cells[index + 1].scalar = " "
            }
            cells[index].width = 1
            cells[index].scalar = " "
        }
    }
}
