import Foundation

/// Makes sure OpenBLAS runs its kernels for this CPU.
///
/// Debian's OpenBLAS 0.3.21 does not recognise some newer CPUs and falls back to its slowest
/// kernels ("Prescott"), about five times slower. The core type is fixed when the library loads,
/// so the only cure from inside the program is to set `OPENBLAS_CORETYPE` from the CPU's features
/// and start again.
public enum BLASCoreSelection {
    /// How wide each kernel family's vectors are: a core ranked below what the CPU allows means
    /// OpenBLAS misidentified it (Prescott is its generic fallback).
    static func rank(ofCore name: String) -> Int {
        switch name.lowercased() {
        case "skylakex", "cooperlake", "sapphirerapids": return 3
        case "haswell", "zen", "excavator": return 2
        case "sandybridge", "bulldozer", "piledriver", "steamroller": return 1
        default: return 0
        }
    }

    /// The best core type this CPU's features allow, from /proc/cpuinfo flags.
    public static func bestCoreType(cpuFlags: Set<String>) -> String? {
        if ["avx512f", "avx512bw", "avx512vl", "avx512dq"].allSatisfy(cpuFlags.contains) {
            return "SkylakeX"
        }
        if cpuFlags.contains("avx2") && cpuFlags.contains("fma") { return "Haswell" }
        if cpuFlags.contains("avx") { return "Sandybridge" }
        return nil
    }

    /// The CPU's feature flags as the kernel reports them.
    public static func cpuFlags() -> Set<String> {
        // /proc files report size 0, so read them as a stream rather than by size.
        guard let data = FileHandle(forReadingAtPath: "/proc/cpuinfo")?.readDataToEndOfFile(),
            let text = String(data: data, encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
            let colon = line.firstIndex(of: ":")
        else { return [] }
        return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
    }

    /// How long, as a power of two of CPU cycles, an idle OpenBLAS worker spins before sleeping.
    /// Its default (2^28, a tenth of a second) keeps the second core spinning through every
    /// batch-norm, pooling or im2col pass between two products, where this program's own threads
    /// want it. 2^20 (a third of a millisecond) still catches back-to-back products: on 2 cores it
    /// measured 8–15% more ConvNet4 images per second and no slower MAML than the default.
    static let idleWorkerSpin = "20"

    /// The OpenBLAS settings this process should start with but does not have: the core type
    /// when OpenBLAS fell back to a weaker one than the CPU allows, and the idle workers' spin
    /// when the user has not chosen one. Settings the user made are always kept.
    static func missingSettings(environment env: [String: String]) -> [String: String] {
        var settings: [String: String] = [:]
        if env["OPENBLAS_CORETYPE"] == nil, let core = bestCoreType(cpuFlags: cpuFlags()), rank(ofCore: core) > rank(ofCore: BLAS.coreName) {
            settings["OPENBLAS_CORETYPE"] = core
        }
        if env["OPENBLAS_THREAD_TIMEOUT"] == nil && BLAS.threadCount > 1 {
            settings["OPENBLAS_THREAD_TIMEOUT"] = idleWorkerSpin
        }
        return settings
    }

    /// OpenBLAS reads its settings once, when it loads, so a missing one can only be given by
    /// starting again: re-executes this program with them (once: the second start has them all).
    /// Returns normally when nothing needs doing or the re-execution is impossible.
    ///
    /// Starting the process again is the executable's decision: `episcope` calls this first
    /// thing in its `main`, before any BLAS call; no library code calls it, so a host program
    /// (or a test runner) embedding the engine is never re-executed by surprise.
    public static func reexecuteWithOpenBLASSettings() {
        let settings = missingSettings(environment: ProcessInfo.processInfo.environment)
        guard !settings.isEmpty else { return }
        for (name, value) in settings { setenv(name, value, 1) }
        let arguments = CommandLine.arguments
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        execv("/proc/self/exe", &argv)
        // execv only returns on failure: carry on with the settings OpenBLAS has.
        for name in settings.keys { unsetenv(name) }
    }
}
