import Foundation
import TerminalUI

/// A base-10 logarithmic value axis for the charts, which draw linear axes only: values go in
/// as their logarithms and the ticks carry the values' own labels (0.01, 0.1, 1). Losses that
/// fall by decades in a few steps then stay apart instead of lying flat along the bottom.
enum LogAxis {
    /// The lowest value any axis goes down to.
    static let lowest: Float = 1e-8

    /// The bottom of an axis for `values`: the decade of the smallest positive one (no lower
    /// than `lowest`); a loss of exactly 0 is drawn there.
    static func floor(for values: [Float]) -> Float {
        let smallest = values.filter { $0.isFinite && $0 > 0 }.min() ?? 1
        return max(lowest, powf(10, log10f(smallest).rounded(.down)))
    }

    /// log10 of `value`, clamped at `floor`; non-finite values stay non-finite (gaps).
    static func transform(_ value: Float, floor: Float) -> Float {
        guard value.isFinite else { return value }
        return log10f(max(value, floor))
    }

    /// Bounds in log units covering `values` (already transformed), out to whole decades.
    static func bounds(_ values: [Float]) -> (low: Double, high: Double) {
        let finite = values.filter(\.isFinite)
        let low = (finite.min().map(Double.init) ?? -1).rounded(.down)
        let high = (finite.max().map(Double.init) ?? 0).rounded(.up)
        return (low, high > low ? high : low + 1)
    }

    /// Ticks at the powers of ten from `low` to `high` (log units), every few decades when
    /// `rows` cannot hold them all apart, with 2x and 5x between when the axis spans two
    /// decades or fewer.
    static func ticks(low: Double, high: Double, rows: Int) -> [AxisTick] {
        var ticks: [AxisTick] = []
        let decades = Int(high - low)
        let every = max(1, (decades + max(1, rows / 2) - 1) / max(1, rows / 2))
        for exponent in stride(from: Int(high), through: Int(low), by: -every).reversed() {
            let base = pow(10, Double(exponent))
            ticks.append(AxisTick(Double(exponent), label: label(base)))
            guard decades <= 2, every == 1, exponent < Int(high) else { continue }
            for multiple in [2.0, 5.0] { ticks.append(AxisTick(log10(multiple * base), label: label(multiple * base))) }
        }
        return ticks
    }

    /// "0.001", "0.02", "1", "50": as many decimals as the value needs; "1e-6" below 0.001.
    static func label(_ value: Double) -> String {
        if value < 0.000_999 { return NumberFormatting.significant(value, width: 5, maxDecimals: 0) }
        var decimals = 0
        while decimals < 6 && (value * pow(10, Double(decimals))).rounded() < 1 { decimals += 1 }
        return NumberFormatting.fixed(value, decimals: decimals)
    }
}
