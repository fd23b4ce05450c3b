/// Box-filter (area-average) resampling between grid sizes that need not divide each other.
///
/// Each output cell averages the source pixels it covers, weighting a partly covered pixel by the
/// covered fraction. Weights are integers (lengths measured in 1/targetSize of a source pixel), so
/// the sums are exact and a 105 -> 28 reduction of a 0/1 bitmap always lands on a multiple of 1/225.
public struct AreaResampler: Sendable {
    /// The source grid's width and height.
    public let sourceWidth: Int, sourceHeight: Int
    /// The output grid's width and height.
    public let targetWidth: Int, targetHeight: Int
    private let xSpans: [Span], ySpans: [Span]
    private let xWeights: [Int32], yWeights: [Int32]

    /// The sum of all weights an output cell can collect: dividing by it gives the average.
    public var totalWeight: Int32 { Int32(sourceWidth * sourceHeight) }

    private struct Span: Sendable { var first: Int, count: Int, weightOffset: Int }

    /// A resampler from `sourceWidth` x `sourceHeight` to `targetWidth` x `targetHeight`.
    public init(sourceWidth: Int, sourceHeight: Int, targetWidth: Int, targetHeight: Int) {
        precondition(sourceWidth > 0 && sourceHeight > 0 && targetWidth > 0 && targetHeight > 0, "AreaResampler: empty grid")
        self.sourceWidth = sourceWidth
        self.sourceHeight = sourceHeight
        self.targetWidth = targetWidth
        self.targetHeight = targetHeight
        (xSpans, xWeights) = Self.spans(source: sourceWidth, target: targetWidth)
        (ySpans, yWeights) = Self.spans(source: sourceHeight, target: targetHeight)
    }

    /// Per output index, the source pixels it overlaps and by how much. In units of 1/target of a
    /// source pixel, output i covers [i * source, (i + 1) * source) and pixel j covers
    /// [j * target, (j + 1) * target); the weight is the length of the overlap.
    private static func spans(source: Int, target: Int) -> ([Span], [Int32]) {
        var spans: [Span] = []
        var weights: [Int32] = []
        for i in 0..<target {
            let lo = i * source, hi = (i + 1) * source
            let first = lo / target, last = (hi - 1) / target
            spans.append(Span(first: first, count: last - first + 1, weightOffset: weights.count))
            for j in first...last {
                weights.append(Int32(min(hi, (j + 1) * target) - max(lo, j * target)))
            }
        }
        return (spans, weights)
    }

    /// Writes the weighted ink sums (0...totalWeight) of `source` into `sums` (targetWidth x targetHeight).
    public func sums(_ source: UnsafeBufferPointer<UInt8>, into sums: UnsafeMutableBufferPointer<Int32>) {
        precondition(source.count == sourceWidth * sourceHeight && sums.count == targetWidth * targetHeight, "AreaResampler: buffer sizes")
        xWeights.withUnsafeBufferPointer { xw in
            yWeights.withUnsafeBufferPointer { yw in
                for (oy, ys) in ySpans.enumerated() {
                    for (ox, xs) in xSpans.enumerated() {
                        var total: Int32 = 0
                        for dy in 0..<ys.count {
                            let row = (ys.first + dy) * sourceWidth + xs.first
                            var rowSum: Int32 = 0
                            for dx in 0..<xs.count { rowSum &+= Int32(source[row + dx]) &* xw[xs.weightOffset + dx] }
                            total &+= rowSum &* yw[ys.weightOffset + dy]
                        }
                        sums[oy * targetWidth + ox] = total
                    }
                }
            }
        }
    }

    /// The area averages (0...1) of a 0/1 `bitmap`, row-major.
    public func averages(of bitmap: Bitmap) -> [Float] {
        precondition(
            bitmap.width == sourceWidth && bitmap.height == sourceHeight,
            "AreaResampler: bitmap is \(bitmap.width)x\(bitmap.height), expected \(sourceWidth)x\(sourceHeight)")
        var raw = [Int32](repeating: 0, count: targetWidth * targetHeight)
        bitmap.pixels.withUnsafeBufferPointer { src in raw.withUnsafeMutableBufferPointer { sums(src, into: $0) } }
        let scale = Float(totalWeight)
        return raw.map { Float($0) / scale }
    }
}
