// Downgrading lets screens use true colours while the curses backend only ever
// allocates pairs from the palette the terminal actually has.
extension Color {
    /// The nearest 256-colour palette index, or `nil` for `.default`.
    public var paletteIndex: Int? {
        switch self {
        case .default:
            return nil
        case .indexed(let index):
            return Int(index)
        case .rgb(let r, let g, let b):
            return Color.nearestPaletteIndex(red: Int(r), green: Int(g), blue: Int(b))
        }
    }

    /// The colour expressed within a palette of `size` entries (8, 16 or 256);
    /// `nil` stands for the terminal default.
    public func paletteIndex(forPaletteSize size: Int) -> Int? {
        guard let index = paletteIndex else { return nil }
        if index < size { return index }
        let (r, g, b) = Color.components(ofPaletteIndex: index)
        let best = Color.nearestANSI(red: r, green: g, blue: b)
        return size >= 16 ? best : best % 8
    }

    /// The xterm cube levels; used both ways so round trips are stable.
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    static func components(ofPaletteIndex index: Int) -> (Int, Int, Int) {
        switch index {
        case 0..<16:
            return ansiComponents[index]
        case 16..<232:
            let value = index - 16
            return (cubeLevels[value / 36], cubeLevels[(value / 6) % 6], cubeLevels[value % 6])
        default:
            let level = 8 + 10 * (index - 232)
            return (level, level, level)
        }
    }

    static func nearestPaletteIndex(red: Int, green: Int, blue: Int) -> Int {
        func cubeStep(_ value: Int) -> Int {
            var best = 0
            for (step, level) in cubeLevels.enumerated() where abs(level - value) < abs(cubeLevels[best] - value) {
                best = step
            }
            return best
        }
        let r = cubeStep(red), g = cubeStep(green), b = cubeStep(blue)
        let cubeIndex = 16 + 36 * r + 6 * g + b
        let cubeDistance = distance((cubeLevels[r], cubeLevels[g], cubeLevels[b]), (red, green, blue))
        let average = (red + green + blue) / 3
        let grayStep = min(max((average - 8 + 5) / 10, 0), 23)
        let grayLevel = 8 + 10 * grayStep
        let grayDistance = distance((grayLevel, grayLevel, grayLevel), (red, green, blue))
        return grayDistance < cubeDistance ? 232 + grayStep : cubeIndex
    }

    static func nearestANSI(red: Int, green: Int, blue: Int) -> Int {
        var best = 0
        var bestDistance = Int.max
        for (index, components) in ansiComponents.enumerated() {
            let d = distance(components, (red, green, blue))
            if d < bestDistance {
                best = index
                bestDistance = d
            }
        }
        return best
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return dr * dr + dg * dg + db * db
    }

    /// xterm's defaults; terminals differ, but only the ordering of distances matters here.
    static let ansiComponents: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)
    ]
}
