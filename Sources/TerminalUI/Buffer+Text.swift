extension Buffer {
    /// The characters only: rows joined by "\n", trailing spaces trimmed per row.
    /// This is the snapshot format: stable, diffable and readable in any editor.
    public func plainText() -> String {
        var rows: [String] = []
        rows.reserveCapacity(height)
        for y in 0..<height {
            var row = String.UnicodeScalarView()
            for x in 0..<width {
                let cell = cells[y * width + x]
                if cell.isContinuation { continue }
                row.append(cell.scalar)
                if let mark = cell.mark { row.append(mark) }
            }
            var text = String(row)
            while text.last == " " { text.removeLast() }
            rows.append(text)
        }
        return rows.joined(separator: "\n")
    }

    /// The buffer as text with ANSI SGR escapes (256-colour palette), one line per row,
    /// each row ending with a reset: for `episcope render`, slides and README screenshots.
    public func ansiText() -> String {
        var output = ""
        for y in 0..<height {
            var current: Style? = nil
            for x in 0..<width {
                let cell = cells[y * width + x]
                if cell.isContinuation { continue }
                if cell.style != current {
                    output += Buffer.sgr(for: cell.style)
                    current = cell.style
                }
                output.unicodeScalars.append(cell.scalar)
                if let mark = cell.mark { output.unicodeScalars.append(mark) }
            }
            output += "\u{1B}[0m"
            if y + 1 < height { output += "\n" }
        }
        return output
    }

    /// The full SGR sequence for a style, starting from a reset so it never depends on the
    /// previous cell.
    public static func sgr(for style: Style) -> String {
        var codes = ["0"]
        let modifiers = style.modifiers
        if modifiers.contains(.bold) { codes.append("1") }
        if modifiers.contains(.dim) { codes.append("2") }
        if modifiers.contains(.italic) { codes.append("3") }
        if modifiers.contains(.underline) { codes.append("4") }
        if modifiers.contains(.reverse) { codes.append("7") }
        if let fg = style.fg?.paletteIndex { codes.append(fg < 8 ? "\(30 + fg)" : fg < 16 ? "\(82 + fg)" : "38;5;\(fg)") }
        if let bg = style.bg?.paletteIndex { codes.append(bg < 8 ? "\(40 + bg)" : bg < 16 ? "\(92 + bg)" : "48;5;\(bg)") }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
