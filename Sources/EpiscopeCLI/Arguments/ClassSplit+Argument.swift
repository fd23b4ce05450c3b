import ArgumentParser
import FewShot

/// `--split`: the class splits by name; a wrong name lists them.
extension ClassSplit.Scheme: ExpressibleByArgument {}

/// `--part`: the parts of a split by name; a wrong name lists them.
extension ClassSplit.Part: ExpressibleByArgument {}
