/// A drawing in some ``DrawingStore`` together with the rotation to view it at.
///
/// Cheap to copy and to keep in episodes: the pixels stay in the store.
public struct DrawingRef: Sendable, Hashable, Codable {
    /// The drawing's index in its store.
    public let index: Int32
    /// How far the drawing is turned, counterclockwise.
    public let rotation: Rotation

    /// A reference to drawing `index`, turned by `rotation`.
    public init(index: Int, rotation: Rotation = .r0) {
        self.index = Int32(index)
        self.rotation = rotation
    }
}

/// Something that owns drawings that ``DrawingRef`` values point into: the Omniglot dataset or
/// Lake's runs.
public protocol DrawingProvider: Sendable {
    /// The store the references index.
    var drawings: DrawingStore { get }
}

extension DrawingProvider {
    /// The referenced drawing's full bitmap (105x105, ink = 1), rotated.
    public func bitmap(_ ref: DrawingRef) -> Bitmap { drawings.bitmap(Int(ref.index), rotation: ref.rotation) }

    /// The referenced drawing's 28x28 image (ink = 1, area-averaged), rotated.
    public func image28(_ ref: DrawingRef) -> [Float] { drawings.image28(Int(ref.index), rotation: ref.rotation) }
}
