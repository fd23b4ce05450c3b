import Foundation

/// One line of `episcope bench`: a name and figures, printed as JSON or as aligned text.
struct BenchReport: Encodable {
    var name: BenchName
    /// Numbers, counts and words, in the order the text line shows them.
    var figures: [(String, any Encodable)]

    static func peakResidentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return (kb / 1024 * 10).rounded() / 10
    }

    /// The report as one JSON object, with the process's peak memory so far.
    func json() throws -> String {
        var report = self
        report.figures.append(("peak_rss_mb", Self.peakResidentMegabytes()))
        return try JSONOutput.line(report)
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: FigureKey.self)
        try container.encode(name.rawValue, forKey: FigureKey("name"))
        for (key, value) in figures {
            if let d = value as? Double {
                // Four significant digits, as the text shows: timings on a shared machine carry no more.
                try d.isFinite
                    ? container.encode(Double(String(format: "%.4g", d)), forKey: FigureKey(key)) : container.encodeNil(forKey: FigureKey(key))
            } else {
                try container.encode(value, forKey: FigureKey(key))
            }
        }
    }

    /// A figure's name as a JSON key.
    private struct FigureKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.init(stringValue) }
        init?(intValue: Int) { nil }
    }

    func text() -> String {
        let shown = figures.map { key, value -> String in
            if let d = value as? Double { return "\(key) \(String(format: "%.4g", d))" }
            return "\(key) \(value)"
        }
        // Names padded to the longest, so every line's figures start in one column.
        let width = BenchName.allCases.map(\.rawValue.count).max()! + 2
        return name.rawValue.padding(toLength: width, withPad: " ", startingAt: 0) + shown.joined(separator: "  ")
    }
}

/// Wall-clock seconds of `body`.
func measureSeconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The median wall time of `repeats` runs of `body`.
func medianSeconds(repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<max(repeats, 1) { times.append(try measureSeconds(body)) }
    return times.sorted()[times.count / 2]
}
