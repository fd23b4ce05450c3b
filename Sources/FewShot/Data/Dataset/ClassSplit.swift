import Foundation

/// A list of classes to draw episodes from: a character at a rotation, with its 20 drawings.
public struct ClassSplit: Sendable {
    /// The published class splits this program knows.
    public enum Scheme: String, Sendable, CaseIterable {
        /// Vinyals et al.'s split: 1,623 characters x 4 rotations in train/val/trainval/test lists.
        case vinyals
        /// Lake et al.'s: background alphabets to learn from, evaluation alphabets to test on.
        case lake
        /// Lake's reduced background set 1 (5 alphabets) for training, evaluation alphabets for test.
        case small1
        /// Lake's reduced background set 2 (5 alphabets) for training, evaluation alphabets for test.
        case small2
    }

    /// Which part of a scheme.
    public enum Part: String, Sendable, CaseIterable {
        case train, val, trainval, test
    }

    /// One class of a split.
    public struct Class: Sendable, Hashable {
        /// Alphabet, character number and rotation.
        public let identity: ClassIdentity
        /// The character's global index in the dataset.
        public let character: Int

        /// The class's 20 drawings, at its rotation.
        public var drawings: [DrawingRef] {
            (0..<OmniglotDataset.drawingsPerCharacter).map {
                DrawingRef(index: character * OmniglotDataset.drawingsPerCharacter + $0, rotation: identity.rotation)
            }
        }
    }

    /// A readable name, e.g. `vinyals/train`.
    public let name: String
    /// The classes, in file (or archive) order.
    public let classes: [Class]

    /// A split of the given classes.
    public init(name: String, classes: [Class]) {
        self.name = name
        self.classes = classes
    }

    /// Loads `part` of `scheme`. Vinyals lists come from `splits/vinyals/<part>.txt`; Lake's
    /// splits use every character of the background (or small) and evaluation archives, unrotated.
    public static func load(_ scheme: Scheme, part: Part, dataset: OmniglotDataset, location: DataLocation) throws -> ClassSplit {
        let name = "\(scheme.rawValue)/\(part.rawValue)"
        switch (scheme, part) {
        case (.vinyals, _):
            return ClassSplit(name: name, classes: try vinyalsClasses(file: location.vinyalsSplitFile(part.rawValue), dataset: dataset))
        case (_, .val):
            throw OmniglotError.unknownSplit("\(name): Lake's splits have no validation part")
        case (_, .test):
            return ClassSplit(name: name, classes: wholeSet(.evaluation, dataset))
        case (.lake, _):
            return ClassSplit(name: name, classes: wholeSet(.background, dataset))
        case (.small1, _), (.small2, _):
            let archive = location.smallArchive(scheme == .small1 ? 1 : 2)
            return ClassSplit(name: name, classes: try smallClasses(archive: archive, dataset: dataset))
        }
    }

    /// Loads a split by its command-line names, e.g. `vinyals` and `train`.
    public static func load(named scheme: String, part: String, dataset: OmniglotDataset, location: DataLocation) throws -> ClassSplit {
        guard let s = Scheme(rawValue: scheme.lowercased()), let p = Part(rawValue: part.lowercased()) else {
            throw OmniglotError.unknownSplit("\(scheme)/\(part)")
        }
        return try load(s, part: p, dataset: dataset, location: location)
    }

    private static func wholeSet(_ set: OmniglotDataset.Set, _ dataset: OmniglotDataset) -> [Class] {
        dataset.alphabets.filter { $0.set == set }.flatMap { alphabet in
            alphabet.characters.map { Class(identity: dataset.identity(ofCharacter: $0), character: $0) }
        }
    }
}
