/// Renders bitmaps as lines of text: each drawing becomes `columns` x `rows` character cells,
/// whatever the style, so drawings of different styles line up the same way.
public struct GlyphArt: Sendable {
    /// The style.
    public let style: GlyphStyle
    /// Character cells across and down per drawing.
    public let columns: Int, rows: Int
    private let resampler: AreaResampler

    /// An artist for `width` x `height` bitmaps; 105x105 drawings become 21 x 11 cells by default
    /// (terminal cells are about twice as tall as wide).
    public init(style: GlyphStyle, columns: Int = 21, rows: Int = 11, width: Int = DrawingStore.side, height: Int = DrawingStore.side) {
        self.style = style
        self.columns = columns
        self.rows = rows
        let (perX, perY) = style == .ascii ? (1, 1) : style == .blocks ? (1, 2) : (2, 4)
        resampler = AreaResampler(sourceWidth: width, sourceHeight: height, targetWidth: columns * perX, targetHeight: rows * perY)
    }

    /// The bitmap as `rows` lines of `columns` characters each.
    public func lines(_ bitmap: Bitmap) -> [String] {
        let cover = resampler.averages(of: bitmap)
        let w = resampler.targetWidth
        switch style {
        case .ascii:
            return (0..<rows).map { y in
                String((0..<columns).map { x -> Character in
                    // ceil: any ink at all shows, so thin strokes do not vanish.
                    let level = Int((cover[y * w + x] * Float(GlyphStyle.ramp.count - 1)).rounded(.up))
                    return GlyphStyle.ramp[min(level, GlyphStyle.ramp.count - 1)]
                })
            }
        case .blocks:
            let on = { (x: Int, y: Int) in cover[y * w + x] >= 0.2 }
            return (0..<rows).map { y in
                String((0..<columns).map { x -> Character in
                    switch (on(x, 2 * y), on(x, 2 * y + 1)) {
                    case (false, false): return " "
                    case (true, false): return "▀"
                    case (false, true): return "▄"
                    case (true, true): return "█"
                    }
                })
            }
        case .braille:
            // Dot bit for (column, row) within a cell, per the Unicode braille pattern block.
            let bits: [[UInt32]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
            return (0..<rows).map { y in
                String(String.UnicodeScalarView((0..<columns).map { x -> Unicode.Scalar in
                    var pattern: UInt32 = 0
                    for dx in 0..<2 { for dy in 0..<4 where cover[(4 * y + dy) * w + 2 * x + dx] >= 0.25 { pattern |= bits[dx][dy] } }
                    return Unicode.Scalar(0x2800 + pattern)!
                }))
            }
        }
    }

    /// Several drawings side by side, each framed and with a caption above (cut to fit).
    public func row(_ bitmaps: [Bitmap], captions: [String]) -> [String] {
        let (h, v, tl, tr, bl, br): (String, String, String, String, String, String) =
            style == .ascii ? ("-", "|", "+", "+", "+", "+") : ("─", "│", "┌", "┐", "└", "┘")
        let blocks = zip(bitmaps, captions).map { bitmap, caption -> [String] in
            let title = String(caption.prefix(columns + 2))
            return [title + String(repeating: " ", count: columns + 2 - title.count), tl + String(repeating: h, count: columns) + tr]
                + lines(bitmap).map { v + $0 + v }
                + [bl + String(repeating: h, count: columns) + br]
        }
        guard let height = blocks.first?.count else { return [] }
        return (0..<height).map { line in blocks.map { $0[line] }.joined(separator: "  ") }
    }
}
