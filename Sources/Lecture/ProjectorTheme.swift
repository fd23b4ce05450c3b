import ExplorerApp
import TerminalUI

/// High contrast for projectors: every colour bright and bold, nothing dim or grey, and glyph
/// strokes thickened so they survive a washed-out beamer.
enum ProjectorTheme {
    static func apply(to buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        for y in area.y..<area.bottom {
            for x in area.x..<area.right {
                var cell = buffer[x, y]
                var style = cell.style
                style.fg = brighter(style.fg)
                style.modifiers.remove(.dim)
                style.modifiers.insert(.bold)
                cell.style = style
                buffer[x, y] = cell
            }
        }
    }

    static func brighter(_ color: Color?) -> Color? {
        guard let color else { return .brightWhite }
        switch color {
        case .gray, .brightBlack, .white, .default: return .brightWhite
        case .black: return .black
        case .red: return .brightRed
        case .green: return .brightGreen
        case .yellow: return .brightYellow
        case .blue: return .brightCyan
        case .brightBlue: return .brightCyan
        case .magenta: return .brightMagenta
        case .cyan: return .brightCyan
        default: return color
        }
    }

    /// Thickens every drawing in the episode by one pixel in each direction.
    static func thicken(_ app: inout AppState) {
        guard var view = app.episode.view else { return }
        for c in view.classes.indices { view.classes[c].support = view.classes[c].support.map(dilate) }
        for q in view.queries.indices {
            view.queries[q].drawing = dilate(view.queries[q].drawing)
            view.queries[q].original = dilate(view.queries[q].original)
        }
        app.episode.view = view
    }

    static func dilate(_ image: GlyphImage) -> GlyphImage {
        let w = image.width, h = image.height
        guard image.bytes.count == w * h else { return image }
        var out = image.bytes
        let radius = max(1, max(w, h) / 40)
        for y in 0..<h {
            for x in 0..<w where image.bytes[y * w + x] > 0 {
                for dy in -radius...radius where y + dy >= 0 && y + dy < h {
                    for dx in -radius...radius where x + dx >= 0 && x + dx < w { out[(y + dy) * w + x + dx] = 255 }
                }
            }
        }
        return GlyphImage(width: w, height: h, bytes: out)
    }
}
