import Foundation

/// One line of `episcope bench`: a name and figures, printed as JSON or as aligned text.
struct BenchReport {
    var name: String
    var figures: [(String, Any)]

    static func peakResidentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return (kb / 1024 * 10).rounded() / 10
    }

    func json() -> String {
        var parts = ["\"name\": \"\(name)\""]
        for (key, value) in figures + [("peak_rss_mb", Self.peakResidentMegabytes())] {
            switch value {
            case let s as String: parts.append("\"\(key)\": \"\(s)\"")
            case let d as Double: parts.append("\"\(key)\": \(d.isFinite ? String(format: "%.4g", d) : "null")")
            case let i as Int: parts.append("\"\(key)\": \(i)")
            default: parts.append("\"\(key)\": \"\(value)\"")
            }
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    func text() -> String {
        let shown = figures.map { key, value -> String in
            if let d = value as? Double { return "\(key) \(String(format: "%.4g", d))" }
            return "\(key) \(value)"
        }
        return name.padding(toLength: 16, withPad: " ", startingAt: 0) + shown.joined(separator: "  ")
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
