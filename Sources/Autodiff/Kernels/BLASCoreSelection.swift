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
              let colon = line.firstIndex(of: ":") else { return [] }
        return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
    }

    /// When OpenBLAS chose a weaker core than the CPU allows, re-executes this program
    /// with `OPENBLAS_CORETYPE` set (once: the variable marks the second start). Returns normally
    /// when nothing needs doing or the re-execution is impossible.
    public static func reexecuteIfOpenBLASFellBack() {
        let env = ProcessInfo.processInfo.environment
        guard env["OPENBLAS_CORETYPE"] == nil else { return }
        guard let core = bestCoreType(cpuFlags: cpuFlags()), rank(ofCore: core) > rank(ofCore: BLAS.coreName) else { return }
        setenv("OPENBLAS_CORETYPE", core, 1)
        let arguments = CommandLine.arguments
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        execv("/proc/self/exe", &argv)
        // execv only returns on failure: carry on with the slow kernels rather than not at all.
        unsetenv("OPENBLAS_CORETYPE")
    }
}
