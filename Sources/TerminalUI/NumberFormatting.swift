/// Number-to-text for labels. Avoids `String(format:)` so widgets stay Foundation-free
/// and allocation-light, and so output is identical on every platform and locale.
public enum NumberFormatting {
    /// `value` with exactly `decimals` digits after the point ("0.73", "-1.5", "12").
    public static func fixed(_ value: Double, decimals: Int) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let decimals = max(0, min(decimals, 9))
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let magnitude = (abs(value) * Double(scale)).rounded()
        guard magnitude < 9e17 else { return String(value) }
        let scaled = Int64(magnitude)
        let whole = scaled / scale
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(whole) }
        var fraction = String(scaled % scale)
        while fraction.count < decimals { fraction = "0" + fraction }
        return sign + String(whole) + "." + fraction
    }

    /// Float convenience for `fixed(_:decimals:)`.
    public static func fixed(_ value: Float, decimals: Int) -> String {
        fixed(Double(value), decimals: decimals)
    }

    /// The most decimals, up to `maxDecimals`, with which every finite value of `values` prints
    /// (`fixed`) in at most `width` columns; `nil` when even whole numbers are too wide. A table
    /// or heatmap column then shows every value at one precision, instead of losing the wide ones.
    public static func decimals(fitting values: some Sequence<Float>, width: Int, maxDecimals: Int) -> Int? {
        let finite = values.filter(\.isFinite)
        for decimals in stride(from: max(0, maxDecimals), through: 0, by: -1)
        where finite.allSatisfy({ CharacterWidth.of(fixed($0, decimals: decimals)) <= width }) {
            return decimals
        }
        return nil
    }

    /// `value` in at most `width` columns: `fixed` with the most decimals up to `maxDecimals`
    /// that fit, else a short power of ten ("7.4e4", "2e12"), else "#"s, so a column of numbers
    /// never spills into the next one. "nan" and "inf" are kept when they fit.
    public static func fitted(_ value: Double, width: Int, maxDecimals: Int) -> String {
        guard width > 0 else { return "" }
        if !value.isFinite {
            let text = fixed(value, decimals: 0)
            return text.count <= width ? text : String(repeating: "#", count: width)
        }
        for decimals in stride(from: max(0, maxDecimals), through: 0, by: -1) {
            let text = fixed(value, decimals: decimals)
            if text.count <= width { return text }
        }
        return exponential(value, width: width) ?? String(repeating: "#", count: width)
    }

    /// Like `fitted`, but a small non-zero value that would print as zeros ("0.000") is written
    /// with a power of ten ("3.2e-4") instead, so a loss that keeps falling still shows it.
    public static func significant(_ value: Double, width: Int, maxDecimals: Int) -> String {
        let text = fitted(value, width: width, maxDecimals: maxDecimals)
        guard value.isFinite, value != 0, text.allSatisfy({ "0.-".contains($0) }) else { return text }
        return exponential(value, width: width) ?? text
    }

    /// "7.4e4", "3e-4": a mantissa with one decimal or none, in at most `width` columns.
    private static func exponential(_ value: Double, width: Int) -> String? {
        guard value.isFinite, value != 0 else { return nil }
        let exponent = Int(abs(value).log10Floor)
        let mantissa = value / pow10(exponent)
        for decimals in [1, 0] {
            var digits = fixed(mantissa, decimals: decimals)
            var power = exponent
            if abs(Double(digits) ?? 0) >= 10 {  // 9.96 rounds up to 10.0: carry into the exponent
                power += 1
                digits = fixed(mantissa / 10, decimals: decimals)
            }
            let text = digits + "e" + String(power)
            if text.count <= width { return text }
        }
        return nil
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }

    /// A short label for an axis tick: enough decimals to tell ticks `step` apart, and
    /// k/M suffixes for large values.
    public static func tick(_ value: Double, step: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1_000_000 && step >= 100_000 { return fixed(value / 1_000_000, decimals: step >= 1_000_000 ? 0 : 1) + "M" }
        if magnitude >= 10_000 && step >= 1_000 { return fixed(value / 1_000, decimals: step >= 10_000 ? 0 : 1) + "k" }
        var decimals = 0
        var probe = abs(step)
        while probe > 0 && probe < 1 && decimals < 6 {
            probe *= 10
            decimals += 1
        }
        if probe > 0 && (probe - probe.rounded()).magnitude > 1e-6 && decimals < 6 { decimals += 1 }
        return fixed(value, decimals: decimals)
    }
}

extension Double {
    /// ⌊log10 |self|⌋ for a finite non-zero value (0 for zero), by counting, so it needs no Foundation.
    fileprivate var log10Floor: Double {
        var magnitude = abs(self)
        guard magnitude > 0, magnitude.isFinite else { return 0 }
        var exponent = 0.0
        while magnitude >= 10 {
            magnitude /= 10
            exponent += 1
        }
        while magnitude < 1 {
            magnitude *= 10
            exponent -= 1
        }
        return exponent
    }
}
