/// How a drawing is drawn with characters: the one choice the explorer's `g` key, the lecture's
/// `glyphs:` setting and every command's `--glyphs` option share.
public enum GlyphStyle: String, Hashable, Sendable, CaseIterable {
    /// One character per cell from the ramp `" .:-=+*#%@"`: more ink, denser character. Works in
    /// any terminal.
    case ascii
    /// Half blocks `▀▄█`: 1x2 pixels per cell, square pixels.
    case blocks
    /// Braille: 2x4 dots per cell, the finest detail.
    case braille

    /// The style after this one, wrapping around (the `g` key).
    public var next: GlyphStyle {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

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
