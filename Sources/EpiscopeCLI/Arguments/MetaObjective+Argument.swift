import ArgumentParser
import FewShot

/// `--meta-loss`: last or every; a wrong name lists them.
extension MetaObjective: ExpressibleByArgument {}
