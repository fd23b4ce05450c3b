extension Paragraph {
    /// Greedy word wrap: words move whole to the next line, words longer than the width are
    /// cut, and the spaces at a break are dropped. Styles survive across breaks.
    static func wrap(_ line: Line, width: Int) -> [Line] {
        guard width > 0 else { return [] }
        if line.width <= width { return [line] }

        var output: [Line] = []
        var current: [Span] = []
        var currentWidth = 0
        var pendingSpaces: [Span] = []
        var pendingSpacesWidth = 0

        func flush() {
            output.append(Line(current, alignment: line.alignment))
            current = []
            currentWidth = 0
        }
        func append(_ text: String, _ style: Style, _ textWidth: Int) {
            if let last = current.last, last.style == style {
                current[current.count - 1].text += text
            } else {
                current.append(Span(text, style: style))
            }
            currentWidth += textWidth
        }

        for (word, isSpace) in words(of: line) {
            let wordWidth = word.reduce(0) { $0 + $1.width }
            if isSpace {
                pendingSpaces = word
                pendingSpacesWidth = wordWidth
                continue
            }
            if currentWidth > 0 && currentWidth + pendingSpacesWidth + wordWidth > width {
                flush()
                pendingSpaces = []
                pendingSpacesWidth = 0
            }
            if currentWidth + pendingSpacesWidth <= width {
                for space in pendingSpaces { append(space.text, space.style, space.width) }
            }
            pendingSpaces = []
            pendingSpacesWidth = 0
            for piece in word {
                for scalar in piece.text.unicodeScalars {
                    let w = CharacterWidth.of(scalar)
                    if currentWidth + w > width && currentWidth > 0 { flush() }
                    append(String(scalar), piece.style, w)
                }
            }
        }
        if currentWidth > 0 || output.isEmpty { flush() }
        return output
    }

    /// Alternating runs of spaces and non-spaces, each a list of same-style pieces.
    private static func words(of line: Line) -> [([Span], Bool)] {
        var result: [([Span], Bool)] = []
        var run: [Span] = []
        var runIsSpace = false
        for span in line.spans {
            var piece = ""
            for scalar in span.text.unicodeScalars {
                let isSpace = scalar == " "
                if isSpace != runIsSpace && (!piece.isEmpty || !run.isEmpty) {
                    if !piece.isEmpty { run.append(Span(piece, style: span.style)) }
                    result.append((run, runIsSpace))
                    run = []
                    piece = ""
                }
                runIsSpace = isSpace
                piece.unicodeScalars.append(scalar)
            }
            if !piece.isEmpty { run.append(Span(piece, style: span.style)) }
        }
        if !run.isEmpty { result.append((run, runIsSpace)) }
        return result
    }
}
