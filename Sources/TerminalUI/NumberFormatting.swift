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
