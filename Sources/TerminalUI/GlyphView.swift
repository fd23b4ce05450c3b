/// A grayscale or 1-bit bitmap (a handwritten character, a sine task's input) drawn with
/// text, scaled to fit its area with the aspect ratio kept and centred.
///
/// Pixel values are ink coverage in 0...1 (0 blank, 1 full ink); pass `invert: true` for
/// images stored as dark-on-light such as raw Omniglot scans. Downsampling averages the
/// covered area, and thresholds are relative to the inkiest sample, so a thin 105x105 stroke
/// shrunk to 20x10 cells stays connected instead of vanishing.
public struct GlyphView: Widget, Hashable, Sendable {
    /// Row-major ink coverage, `width * height` values in 0...1.
    public var pixels: [Float]
    public var width: Int
    public var height: Int
    /// Ignored in an ASCII buffer, which always uses `.ascii`.
    public var mode: GlyphStyle
    /// For `.blocks` and `.braille`: a sub-pixel is inked when its coverage reaches this
    /// fraction of the highest coverage in the image.
    public var threshold: Float
    public var style: Style

    static let ramp: [Unicode.Scalar] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]

    /// A view of float pixels in 0...1.
    public init(
        pixels: [Float], width: Int, height: Int, mode: GlyphStyle = .braille, invert: Bool = false,
        threshold: Float = 0.3, style: Style = .plain
    ) {
        precondition(pixels.count == width * height, "GlyphView: \(pixels.count) pixels for \(width)x\(height)")
        self.pixels = invert ? pixels.map { 1 - $0 } : pixels
        self.width = width
        self.height = height
        self.mode = mode
        self.threshold = threshold
        self.style = style
    }

    /// A view of byte pixels, 0 blank to 255 full ink (or 1-bit images stored as 0/1 with `oneBit`).
    public init(
        bytes: [UInt8], width: Int, height: Int, mode: GlyphStyle = .braille, invert: Bool = false,
        oneBit: Bool = false, threshold: Float = 0.3, style: Style = .plain
    ) {
        let scale: Float = oneBit ? 1 : 255
        self.init(
            pixels: bytes.map { min(Float($0) / scale, 1) }, width: width, height: height, mode: mode,
            invert: invert, threshold: threshold, style: style)
    }

    /// Cells the image occupies when fitted into `area` (aspect kept: a cell is taken to be
    /// twice as tall as it is wide).
    public func fittedSize(in area: Rect) -> (columns: Int, rows: Int) {
        guard width > 0, height > 0, !area.isEmpty else { return (0, 0) }
        let scale = min(Double(area.width) / Double(width), Double(2 * area.height) / Double(height))
        let columns = min(area.width, max(1, Int((Double(width) * scale).rounded())))
        let rows = min(area.height, max(1, Int((Double(height) * scale / 2).rounded())))
        return (columns, rows)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let area = area.intersection(buffer.area)
        let (columns, rows) = fittedSize(in: area)
        guard columns > 0, rows > 0 else { return }
        let origin = (x: area.x + (area.width - columns) / 2, y: area.y + (area.height - rows) / 2)
        buffer.placedGlyphs?.append(PlacedGlyph(view: self, area: Rect(x: origin.x, y: origin.y, width: columns, height: rows)))
        let effective = buffer.charset == .ascii ? GlyphStyle.ascii : mode
        switch effective {
        case .ascii:
            let samples = downsample(columns: columns, rows: rows)
            let peak = max(samples.max() ?? 0, 1e-6)
            for row in 0..<rows {
                for column in 0..<columns {
                    // A square-root gamma lifts faint strokes into the visible part of the ramp.
                    let level = (samples[row * columns + column] / peak).squareRoot()
                    let index = min(GlyphView.ramp.count - 1, Int((level * Float(GlyphView.ramp.count - 1)).rounded()))
                    guard index > 0 else { continue }
                    buffer.set(x: origin.x + column, y: origin.y + row, scalar: GlyphView.ramp[index], style: style)
                }
            }
        case .blocks:
            let samples = downsample(columns: columns, rows: rows * 2)
            let cut = inkThreshold(samples)
            for row in 0..<rows {
                for column in 0..<columns {
                    let upper = samples[(2 * row) * columns + column] >= cut
                    let lower = samples[(2 * row + 1) * columns + column] >= cut
                    let scalar: Unicode.Scalar
                    switch (upper, lower) {
                    case (true, true): scalar = "█"
                    case (true, false): scalar = "▀"
                    case (false, true): scalar = "▄"
                    case (false, false): continue
                    }
                    buffer.set(x: origin.x + column, y: origin.y + row, scalar: scalar, style: style)
                }
            }
        case .braille:
            let dotColumns = columns * 2, dotRows = rows * 4
            let samples = downsample(columns: dotColumns, rows: dotRows)
            let cut = inkThreshold(samples)
            var canvas = BrailleCanvas(width: columns, height: rows)
            for y in 0..<dotRows {
                for x in 0..<dotColumns where samples[y * dotColumns + x] >= cut {
                    canvas.set(x: x, y: y)
                }
            }
            canvas.render(into: &buffer, area: Rect(x: origin.x, y: origin.y, width: columns, height: rows))
            buffer.setStyle(Rect(x: origin.x, y: origin.y, width: columns, height: rows), style: style)
        }
    }

    private func inkThreshold(_ samples: [Float]) -> Float {
        let peak = samples.max() ?? 0
        // A blank image must stay blank rather than light up at a threshold of zero.
        return peak > 1e-6 ? max(peak * threshold, 1e-6) : .infinity
    }
}
