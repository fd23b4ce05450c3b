import TerminalUI

/// The explorer's colours in one place, so screens agree on what a colour means (green is
/// always "right", the support set is always yellow) and so a lecture theme can swap them.
/// Colour is never the only cue: every coloured mark also has a symbol or a label.
public enum Theme {
    public static let accent = Style(fg: .cyan, modifiers: .bold)
    public static let muted = Style(fg: .gray)
    public static let label = Style(fg: .default)
    public static let heading = Style(fg: .yellow, modifiers: .bold)
    public static let correct = Style(fg: .green, modifiers: .bold)
    public static let wrong = Style(fg: .red, modifiers: .bold)
    public static let warning = Style(fg: .yellow)
    public static let error = Style(fg: .red)
    public static let selected = Style(modifiers: .reverse)

    /// Sine screen: the true function, the support points, the meta-learned start and the
    /// adapted curve, and the pretrained baseline.
    public static let truth = Style(fg: .green)
    public static let support = Style(fg: .brightYellow, modifiers: .bold)
    public static let start = Style(fg: .blue)
    public static let adapted = Style(fg: .brightMagenta)
    public static let earlierStep = Style(fg: .magenta, modifiers: .dim)
    public static let baseline = Style(fg: .brightRed)

    /// Distinct colours for classes (and tasks), cycled when there are more.
    public static let classColors: [Color] = [
        .brightCyan, .brightYellow, .brightMagenta, .brightGreen, .brightBlue,
        .brightRed, .cyan, .yellow, .magenta, .green
    ]

    /// The colour of class (or task) `index`.
    public static func classColor(_ index: Int) -> Color { classColors[((index % classColors.count) + classColors.count) % classColors.count] }
}

/// Characters that have an ASCII stand-in, chosen per buffer so a non-UTF-8 terminal never
/// receives a byte it cannot show.
public enum Symbols {
    /// The mark for a right prediction.
    public static func check(_ charset: Charset) -> String { charset == .ascii ? "v" : "✓" }
    /// The mark for a wrong prediction.
    public static func cross(_ charset: Charset) -> String { charset == .ascii ? "x" : "✗" }
    /// A data point.
    public static func point(_ charset: Charset) -> Unicode.Scalar { charset == .ascii ? "o" : "●" }
    /// Greek letters in captions, spelled out in ASCII.
    public static func alpha(_ charset: Charset) -> String { charset == .ascii ? "alpha" : "α" }
    public static func phi(_ charset: Charset) -> String { charset == .ascii ? "phi" : "φ" }
    public static func theta(_ charset: Charset) -> String { charset == .ascii ? "theta" : "θ" }
    /// A separator between items on one line.
    public static func dot(_ charset: Charset) -> String { charset == .ascii ? "-" : "·" }
    /// An ellipsis.
    public static func ellipsis(_ charset: Charset) -> String { charset == .ascii ? "..." : "…" }
    /// A right arrow.
    public static func arrow(_ charset: Charset) -> String { charset == .ascii ? "->" : "→" }
}
