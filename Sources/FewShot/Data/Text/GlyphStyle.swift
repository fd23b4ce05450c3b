/// How a drawing is drawn with characters in a terminal.
public enum GlyphStyle: String, Sendable, CaseIterable {
    /// The density ramp ` .:-=+*#%@`, one character per cell: works in any terminal.
    case ascii
    /// Unicode half blocks: two pixels a cell, stacked.
    case blocks
    /// Unicode braille: a 2 x 4 grid of dots a cell.
    case braille

    /// The ASCII ramp from no ink to full ink.
    static let ramp: [Character] = Array(" .:-=+*#%@")

    /// `style`, or ``ascii`` when the terminal's locale cannot show Unicode.
    public static func effective(_ style: GlyphStyle, environment: [String: String]) -> GlyphStyle {
        localeIsUTF8(environment) ? style : .ascii
    }

    /// Whether the locale variables ask for UTF-8. As in POSIX, `LC_ALL` overrides `LC_CTYPE`,
    /// which overrides `LANG`; the first one set decides.
    public static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        guard let value = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) else { return false }
        let lower = value.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8")
    }
}
