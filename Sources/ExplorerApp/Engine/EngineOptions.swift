import Foundation

/// Where the engine looks for data and models, and what it does when they are missing.
public struct EngineOptions: Sendable {
    /// The folder of trained models; `nil` searches the usual places (`assets/models`).
    public var modelsDirectory: URL?
    /// Whether to look for shipped models at all (tests turn this off to stay hermetic).
    public var useShippedModels = true
    /// The Omniglot folder given with `--data`; `nil` resolves it the usual way.
    public var dataDirectory: String?
    /// Where the Training screen saves runs (`--runs`); `nil` is `runs/` in the data folder.
    public var runsDirectory: String?
    /// Whether to load Omniglot at all.
    public var useOmniglot = true
    /// Meta-iterations of the sine model trained at start-up when none is shipped.
    public var quickSineIterations = 6000
    /// Where that quick model is kept between runs; `nil` retrains every time.
    public var cacheDirectory: URL? = EngineOptions.defaultCacheDirectory()
    /// Seed of the quick sine training and of untrained stand-in weights; fixed (not `--seed`)
    /// so every run shares one cached quick model.
    public var modelSeed: UInt64 = 0
    /// Where log lines go; nothing is ever printed while curses owns the screen.
    public var log: @Sendable (String) -> Void = { _ in }

    /// The defaults: shipped models, resolved data, a cached quick sine model.
    public init() {}

    /// `$XDG_CACHE_HOME/episcope`, else `~/.cache/episcope`.
    public static func defaultCacheDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return URL(fileURLWithPath: xdg).appendingPathComponent("episcope") }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/episcope")
    }
}
