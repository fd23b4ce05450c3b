import FewShot
import TerminalUI

/// The text form of an episode that `episcope episode` prints: the support set one class a row,
/// then the queries with their true classes. Drawings go through `GlyphView`, the renderer the
/// explorer's screens use, so the command and the explorer draw a drawing the same way.
public enum EpisodeText {
    /// Character cells across and down per drawing: 105x105 drawings fill 21 x 11 cells
    /// (terminal cells are about twice as tall as wide).
    public static let glyphColumns = 21, glyphRows = 11

    /// Renders `episode` from `provider`'s drawings. `title` is the first line; `perRow` limits
    /// how many drawings sit side by side. ASCII glyphs come with ASCII frames, so that output
    /// is plain ASCII throughout.
    public static func render(
        _ episode: Episode, from provider: some DrawingProvider, title: String, style: GlyphStyle, perRow: Int = 5
    ) -> String {
        let charset: Charset = style == .ascii ? .ascii : .unicode
        var out = [title, "", "Support set (\(episode.ways) classes x \(episode.shots) shots)", legend]
        for (label, cls) in episode.classes.enumerated() {
            out.append("")
            out.append("class \(label + 1): \(describe(cls.identity))")
            for chunk in chunks(cls.support, perRow) {
                out += row(chunk.map(provider.bitmap), captions: nil, style: style, charset: charset)
            }
        }
        out.append("")
        out.append("Queries (\(episode.queries.count), true class shown)")
        let numbered = Array(zip(episode.queries, episode.queryLabels).enumerated())
        for chunk in chunks(numbered, perRow) {
            out.append("")
            out += row(
                chunk.map { provider.bitmap($0.element.0) }, captions: chunk.map { "q\($0.offset + 1) -> class \($0.element.1 + 1)" },
                style: style, charset: charset)
        }
        return out.map(trimmingTrailingSpaces).joined(separator: "\n") + "\n"
    }

    /// What the class numbers and names mean; the explorer numbers and names classes the same way.
    public static let legend =
        "Classes are numbered from 1 (as in the explorer); #n is the character's number in its alphabet, rN a rotation by N degrees."

    /// `Angelic #1 r90`: the name the explorer's screens give the class (`ClassName`).
    public static func describe(_ identity: ClassIdentity) -> String {
        ClassName.full(alphabet: identity.alphabet, character: identity.character, rotationDegrees: identity.rotation.degrees)
    }

    /// Drawings side by side, two columns apart, each framed, with its caption (cut to fit) above
    /// when `captions` are given.
    static func row(_ bitmaps: [Bitmap], captions: [String]?, style: GlyphStyle, charset: Charset) -> [String] {
        let frameWidth = glyphColumns + 2, frameHeight = glyphRows + 2, gap = 2
        let top = captions == nil ? 0 : 1
        guard !bitmaps.isEmpty else { return [] }
        var buffer = Buffer(width: bitmaps.count * (frameWidth + gap) - gap, height: top + frameHeight, charset: charset)
        for (index, bitmap) in bitmaps.enumerated() {
            let frame = Rect(x: index * (frameWidth + gap), y: top, width: frameWidth, height: frameHeight)
            if let caption = captions?[index] {
                _ = buffer.set(x: frame.x, y: 0, string: caption, clip: Rect(x: frame.x, y: 0, width: frameWidth, height: 1))
            }
            let block = Block(borderType: .plain, borderStyle: .plain)
            block.render(into: &buffer, area: frame)
            GlyphView(bytes: bitmap.pixels, width: bitmap.width, height: bitmap.height, mode: style, oneBit: true)
                .render(into: &buffer, area: block.inner(frame))
        }
        return buffer.plainText().components(separatedBy: "\n")
    }

    private static func chunks<T>(_ items: [T], _ size: Int) -> [[T]] {
        stride(from: 0, to: items.count, by: max(1, size)).map { Array(items[$0..<min($0 + max(1, size), items.count)]) }
    }

    /// Without trailing spaces, so snapshots do not depend on invisible padding.
    private static func trimmingTrailingSpaces(_ line: String) -> String {
        var s = Substring(line)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
