/// Finds a drawing of the dataset by its exact pixels.
struct DrawingFinder: Sendable {
    private let dataset: OmniglotDataset
    private let byHash: [UInt64: [Int]]

    init(dataset: OmniglotDataset, set: OmniglotDataset.Set) {
        self.dataset = dataset
        var table: [UInt64: [Int]] = [:]
        for alphabet in dataset.alphabets where alphabet.set == set {
            for character in alphabet.characters {
                for d in 0..<OmniglotDataset.drawingsPerCharacter {
                    let index = character * OmniglotDataset.drawingsPerCharacter + d
                    table[Self.hash(dataset.drawings, index), default: []].append(index)
                }
            }
        }
        byHash = table
    }

    /// The identity of the dataset character whose drawing equals drawing `index` of `store`.
    func identity(of store: DrawingStore, index: Int) -> ClassIdentity? {
        let bytes = DrawingStore.packedBytes
        let wanted = store.packed[(index * bytes)..<((index + 1) * bytes)]
        guard
            let match = byHash[Self.hash(store, index)]?.first(where: {
                dataset.drawings.packed[($0 * bytes)..<(($0 + 1) * bytes)].elementsEqual(wanted)
            })
        else { return nil }
        return dataset.identity(ofCharacter: match / OmniglotDataset.drawingsPerCharacter)
    }

    private static func hash(_ store: DrawingStore, _ index: Int) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        let bytes = DrawingStore.packedBytes
        for b in store.packed[(index * bytes)..<((index + 1) * bytes)] { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
