/// The text form of an episode that `episcope episode` prints: the support set one class a row,
/// then the queries with their true classes.
public enum EpisodeText {
    /// Renders `episode` from `provider`'s drawings. `title` is the first line; `perRow` limits
    /// how many drawings sit side by side.
    public static func render(
        _ episode: Episode, from provider: some DrawingProvider, title: String, style: GlyphStyle, perRow: Int = 5
    ) -> String {
        let art = GlyphArt(style: style)
        var out = [title, "", "Support set (\(episode.ways) classes x \(episode.shots) shots)"]
        for (label, cls) in episode.classes.enumerated() {
            out.append("")
            out.append("class \(label): \(describe(cls.identity))")
            for chunk in chunks(cls.support, perRow) {
                out += art.row(chunk.map(provider.bitmap), captions: chunk.map { _ in "" }).dropFirst()
            }
        }
        out.append("")
        out.append("Queries (\(episode.queries.count), true class shown)")
        let numbered = Array(zip(episode.queries, episode.queryLabels).enumerated())
        for chunk in chunks(numbered, perRow) {
            out.append("")
            out += art.row(chunk.map { provider.bitmap($0.element.0) }, captions: chunk.map { "q\($0.offset + 1) -> class \($0.element.1)" })
        }
        return out.map { $0.trailingSpacesRemoved }.joined(separator: "\n") + "\n"
    }

    /// `Angelic, character 01, rotated 90°`.
    public static func describe(_ identity: ClassIdentity) -> String {
        "\(identity.alphabet), character \(twoDigits(identity.character))" + (identity.rotation == .r0 ? "" : ", rotated \(identity.rotation.degrees) degrees")
    }

    private static func chunks<T>(_ items: [T], _ size: Int) -> [[T]] {
        stride(from: 0, to: items.count, by: max(1, size)).map { Array(items[$0..<min($0 + max(1, size), items.count)]) }
    }
}

extension String {
    /// Without trailing spaces, so snapshots do not depend on invisible padding.
    var trailingSpacesRemoved: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
