#if EPISCOPE_FUZZ
    import Foundation

    /// libFuzzer's entry for programs that keep their own `main` (LLVM 13 and later): it parses
    /// libFuzzer's flags from `argv` and calls `callback` with each input. `-sanitize=fuzzer` would
    /// link libFuzzer's own `main` instead, which clashes with this target's, so the build links
    /// `libclang_rt.fuzzer_no_main` and asks for the coverage instrumentation by hand.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    @_silgen_name("LLVMFuzzerRunDriver")
    private func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32

    /// The reader under test: a C callback cannot capture it, and it is set once before fuzzing.
    nonisolated(unsafe) private var fuzzedReader = Reader.png

    /// Runs libFuzzer on `reader` with `arguments` (program name first) and returns its exit status.
    func runLibFuzzer(_ reader: Reader, arguments: [String]) -> Int32 {
        fuzzedReader = reader
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var argc = Int32(arguments.count)
        return argv.withUnsafeMutableBufferPointer { buffer in
            var base = buffer.baseAddress
            return LLVMFuzzerRunDriver(&argc, &base) { bytes, count in
                let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
                _ = fuzzedReader.read(data)
                return 0
            }
        }
    }
#endif
