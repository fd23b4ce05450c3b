import TerminalUI

/// A virtual terminal that understands what the recorder writes (cursor positioning, clears,
/// SGR, printable text with wide characters), to replay a recording and read back its screen.
struct AnsiScreen {
    private(set) var width: Int, height: Int
    private var rows: [[String]]
    private var x = 0, y = 0

    init(width: Int, height: Int) {
        (self.width, self.height) = (width, height)
        rows = Array(repeating: Array(repeating: " ", count: width), count: height)
    }

    /// An asciicast "r" event: the terminal takes the new size (what was drawn stays, cut or padded).
    mutating func resize(width: Int, height: Int) {
        rows = (0..<height).map { y in
            (0..<width).map { x in y < rows.count && x < self.width ? rows[y][x] : " " }
        }
        (self.width, self.height) = (width, height)
        (x, y) = (min(x, width - 1), min(y, height - 1))
    }

    mutating func feed(_ text: String) {
        var scalars = Array(text.unicodeScalars)[...]
        while let s = scalars.popFirst() {
            if s == "\u{1B}" {
                guard scalars.first == "[" else { continue }
                scalars.removeFirst()
                var parameters = ""
                while let c = scalars.popFirst() {
                    if (0x40...0x7E).contains(c.value) {
                        apply(c, parameters)
                        break
                    }
                    parameters.unicodeScalars.append(c)
                }
            } else if s == "\r" {
                x = 0
            } else if s == "\n" {
                y = min(height - 1, y + 1)
            } else {
                let w = CharacterWidth.of(s)
                guard w > 0, y < height, x + w <= width else { continue }
                rows[y][x] = String(s)
                if w == 2 { rows[y][x + 1] = "" }
                x += w
            }
        }
    }

    private mutating func apply(_ command: Unicode.Scalar, _ parameters: String) {
        switch command {
        case "H":
            let parts = parameters.split(separator: ";").map { Int($0) ?? 1 }
            y = min(height - 1, max(0, (parts.first ?? 1) - 1))
            x = min(width - 1, max(0, (parts.count > 1 ? parts[1] : 1) - 1))
        case "J" where parameters == "2":
            rows = Array(repeating: Array(repeating: " ", count: width), count: height)
        default:
            break
        }
    }

    /// The screen as `Buffer.plainText()` writes it: trailing spaces trimmed per row.
    func text() -> String {
        rows.map { row in
            var line = row.joined()
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
