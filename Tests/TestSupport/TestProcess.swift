import Autodiff

/// The host-process settings `episcope` makes at its start, for test processes that run the
/// engine hard. The library never makes them itself (see `TensorAllocator.keepLargeBlocks`), so a
/// test that wants the program's allocator behaviour asks for it here.
public enum TestProcess {
    private static let configured: Void = TensorAllocator.keepLargeBlocks()

    /// Keeps large freed blocks in the heap, as `episcope`'s `main` does; once per process.
    ///
    /// The OpenBLAS re-execution (`BLASCoreSelection.reexecuteWithOpenBLASSettings`) is left out:
    /// starting the test runner again would rerun its arguments under a new process, so test
    /// runs use the core type OpenBLAS chose, or the one `OPENBLAS_CORETYPE` names.
    public static func configure() { configured }
}
