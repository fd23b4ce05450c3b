/// One file of the Omniglot data folder: where to download it, how to check it.
public struct DataFile: Sendable, Hashable {
    /// The path inside the data folder.
    public let name: String
    /// The official download address.
    public let url: String
    /// The published md5 of the download, when there is one.
    public let md5: String?
    /// What its content must hold.
    public let expected: Expectation

    /// The counts a valid copy has, so that a mirror can be validated by content even when its
    /// bytes differ from the download (rebuilt zips with other timestamps).
    public enum Expectation: Sendable, Hashable {
        /// An image archive with these numbers of alphabets, characters and drawings.
        case images(alphabets: Int, characters: Int, drawings: Int)
        /// Lake's runs archive: 20 runs of 40 images.
        case runs
        /// A split list with this many lines.
        case split(classes: Int)
    }

    private static let lake = "https://github.com/brendenlake/omniglot/raw/master/python/"
    private static let splits = "https://raw.githubusercontent.com/jakesnell/prototypical-networks/master/data/omniglot/splits/vinyals/"

    /// Every file `episcope data` installs; md5 sums are the published ones (torchvision's for
    /// the two big zips, the untouched official files' for the rest).
    public static let all: [DataFile] = [
        DataFile(
            name: "images_background.zip", url: lake + "images_background.zip", md5: "68d2efa1b9178cc56df9314c21c6e718",
            expected: .images(alphabets: 30, characters: 964, drawings: 19_280)),
        DataFile(
            name: "images_evaluation.zip", url: lake + "images_evaluation.zip", md5: "6b91aef0f799c5bb55b94e3f2daec811",
            expected: .images(alphabets: 20, characters: 659, drawings: 13_180)),
        DataFile(
            name: "images_background_small1.zip", url: lake + "images_background_small1.zip", md5: "e704a628b5459e08445c13499850abc4",
            expected: .images(alphabets: 5, characters: 136, drawings: 2_720)),
        DataFile(
            name: "images_background_small2.zip", url: lake + "images_background_small2.zip", md5: "b75a71a51d3b13f821f212756fe481fd",
            expected: .images(alphabets: 5, characters: 156, drawings: 3_120)),
        DataFile(name: "all_runs.zip", url: lake + "one-shot-classification/all_runs.zip", md5: "e8996daecdf12afeeb4a53a179f06b19", expected: .runs),
        DataFile(name: "splits/vinyals/train.txt", url: splits + "train.txt", md5: nil, expected: .split(classes: 4_112)),
        DataFile(name: "splits/vinyals/val.txt", url: splits + "val.txt", md5: nil, expected: .split(classes: 688)),
        DataFile(name: "splits/vinyals/trainval.txt", url: splits + "trainval.txt", md5: nil, expected: .split(classes: 4_800)),
        DataFile(name: "splits/vinyals/test.txt", url: splits + "test.txt", md5: nil, expected: .split(classes: 1_692))
    ]
}
