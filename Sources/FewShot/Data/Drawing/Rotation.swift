/// A rotation by a multiple of 90 degrees, counterclockwise (as PIL's `Image.rotate` and the
/// Vinyals split files' `rot090` mean it).
public enum Rotation: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case r0 = 0
    case r90, r180, r270

    /// The rotation for `degrees` (0, 90, 180 or 270), or nil for any other angle.
    public init?(degrees: Int) {
        guard degrees >= 0, degrees % 90 == 0, degrees < 360 else { return nil }
        self.init(rawValue: degrees / 90)
    }

    /// The angle in degrees, counterclockwise.
    public var degrees: Int { rawValue * 90 }

    public static func < (a: Rotation, b: Rotation) -> Bool { a.rawValue < b.rawValue }
}
