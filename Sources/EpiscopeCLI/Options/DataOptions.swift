import ArgumentParser
import FewShot

/// `--data DIR`, shared by every command that reads Omniglot.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "The folder with the Omniglot archives (else $EPISCOPE_DATA, the `episcope data` folder, ../shared/omniglot).")
    var data: String?

    /// The resolved data folder, or a one-line error.
    func location() throws -> DataLocation { try reportingFailures { try DataLocation.resolve(explicit: data) } }
}
