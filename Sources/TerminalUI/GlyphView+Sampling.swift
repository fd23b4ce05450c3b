extension GlyphView {
    /// Box-filters the bitmap onto a `columns` x `rows` grid: each output sample is the
    /// area-weighted mean of the source pixels its box covers, partial pixels included, so
    /// no stroke falls between samples whatever the scale factor.
    func downsample(columns: Int, rows: Int) -> [Float] {
        var output = [Float](repeating: 0, count: columns * rows)
        let boxWidth = Double(width) / Double(columns)
        let boxHeight = Double(height) / Double(rows)
        pixels.withUnsafeBufferPointer { source in
            for row in 0..<rows {
                let top = Double(row) * boxHeight, bottom = top + boxHeight
                let firstY = Int(top), lastY = min(height - 1, Int((bottom - 1e-9).rounded(.down)))
                for column in 0..<columns {
                    let left = Double(column) * boxWidth, right = left + boxWidth
                    let firstX = Int(left), lastX = min(width - 1, Int((right - 1e-9).rounded(.down)))
                    var sum = 0.0
                    var weight = 0.0
                    for y in firstY...max(firstY, lastY) {
                        let coverY = min(bottom, Double(y + 1)) - max(top, Double(y))
                        guard coverY > 0 else { continue }
                        for x in firstX...max(firstX, lastX) {
                            let coverX = min(right, Double(x + 1)) - max(left, Double(x))
                            guard coverX > 0 else { continue }
                            sum += Double(source[y * width + x]) * coverX * coverY
                            weight += coverX * coverY
                        }
                    }
                    output[row * columns + column] = weight > 0 ? Float(sum / weight) : 0
                }
            }
        }
        return output
    }
}
