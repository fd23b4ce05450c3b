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
    ///
    /// Eight colours have no grey: a mid grey (borders, axes, muted text) becomes the terminal's
    /// default colour rather than black, which vanishes on a dark background; other colours go
    /// to the nearest of the eight (folding the nearest of sixteen onto eight sent greens and
    /// greys to black).
    public func paletteIndex(forPaletteSize size: Int) -> Int? {
        guard let index = paletteIndex else { return nil }
        if index < size { return index }
        let (r, g, b) = Color.components(ofPaletteIndex: index)
        if size >= 16 { return Color.nearestANSI(red: r, green: g, blue: b) }
        let spread = max(r, g, b) - min(r, g, b), level = (r + g + b) / 3
        if spread < 48 && (48...200).contains(level) { return nil }
        return Color.nearestANSI(red: r, green: g, blue: b, among: 8)
    }

    /// Palette indices for a foreground on a background within `size` colours (`nil`: the
    /// terminal default). Where the palette folds both onto one colour, the text takes the
    /// default colour so it stays readable (a heat-map number on its cell, black on black).
    public static func palettePair(foreground: Color?, background: Color?, paletteSize size: Int) -> (foreground: Int?, background: Int?) {
        let fg = foreground?.paletteIndex(forPaletteSize: size)
        let bg = background?.paletteIndex(forPaletteSize: size)
        if let fg, fg == bg, foreground != background { return (nil, bg) }
        return (fg, bg)
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

    static func nearestANSI(red: Int, green: Int, blue: Int, among count: Int = 16) -> Int {
        var best = 0
        var bestDistance = Int.max
        for (index, components) in ansiComponents.prefix(count).enumerated() {
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
