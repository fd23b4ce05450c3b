import TerminalUI

/// Captions are written with Unicode mathematics (θ, φ, α, β, ∇, Σ); a terminal without UTF-8
/// gets them spelled out, so a formula still reads as a formula rather than as question marks.
public enum LectureText {
    /// Spellings of the symbols lectures use, for ASCII terminals.
    static let spelled: [Unicode.Scalar: String] = [
        "θ": "theta", "φ": "phi", "α": "alpha", "β": "beta", "∇": "grad ", "Σ": "sum ", "∑": "sum ",
        "ε": "eps", "λ": "lambda", "μ": "mu", "σ": "sigma", "τ": "tau", "π": "pi", "𝒯": "T", "∈": " in ", "≈": "~",
        "←": "<-", "→": "->", "⇒": "=>", "≤": "<=", "≥": ">=", "≠": "!=", "×": "x", "·": "*", "−": "-",
        "–": "-", "—": "--", "…": "...", "“": "\"", "”": "\"", "‘": "'", "’": "'", "•": "*", "²": "^2",
        "ᵢ": "_i", "ⱼ": "_j", "ₖ": "_k", "ₙ": "_n", "ₜ": "_t", "₋": "-", "⊙": ".*", "↦": "|->", "°": " deg", "₀": "0", "₁": "1", "₂": "2", "₃": "3",
        "ᵀ": "^T",
        "‖": "||", "∂": "d",
        "│": "|", "─": "-", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+",
        "┼": "+", "▶": ">", "▼": "v", "▲": "^", "◀": "<", "✓": "v", "✗": "x", "●": "o", "○": "o", "↓": "v", "↑": "^"
    ]

    /// `text` as the terminal can show it: unchanged for Unicode, spelled out for ASCII (any
    /// other non-ASCII character becomes `?`, never a byte the terminal cannot show).
    public static func render(_ text: String, charset: Charset) -> String {
        guard charset == .ascii else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII { out.unicodeScalars.append(scalar) } else { out += spelled[scalar] ?? "?" }
        }
        return out
    }
}
