import TerminalUI

/// Synthetic bitmaps, so glyph snapshots need no data files.
enum Fixtures {
    /// A ring of ink on a blank square, like a hand-drawn "o" at Omniglot's 105x105.
    static func ring(size: Int = 105, radius: Double = 36, thickness: Double = 5) -> [Float] {
        var pixels = [Float](repeating: 0, count: size * size)
        let centre = Double(size - 1) / 2
        for y in 0..<size {
            for x in 0..<size {
                let dx = Double(x) - centre, dy = Double(y) - centre
                let distance = (dx * dx + dy * dy).squareRoot()
                if abs(distance - radius) <= thickness / 2 { pixels[y * size + x] = 1 }
            }
        }
        return pixels
    }

    /// A letter "A" from three thick strokes on a 105x105 canvas.
    static func letterA(size: Int = 105) -> [Float] {
        var pixels = [Float](repeating: 0, count: size * size)
        func stroke(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, width: Double = 3) {
            for y in 0..<size {
                for x in 0..<size {
                    let px = Double(x), py = Double(y)
                    let vx = x1 - x0, vy = y1 - y0
                    let t = max(0, min(1, ((px - x0) * vx + (py - y0) * vy) / (vx * vx + vy * vy)))
                    let cx = x0 + t * vx - px, cy = y0 + t * vy - py
                    if (cx * cx + cy * cy).squareRoot() <= width / 2 { pixels[y * size + x] = 1 }
                }
            }
        }
        stroke(20, 90, 52, 15)
        stroke(52, 15, 85, 90)
        stroke(33, 60, 72, 60)
        return pixels
    }
}

/// Renders one widget into a fresh buffer of the given size.
func render(_ widget: some Widget, width: Int, height: Int, charset: Charset = .unicode) -> Buffer {
    var buffer = Buffer(width: width, height: height, charset: charset)
    widget.render(into: &buffer, area: buffer.area)
    return buffer
}
