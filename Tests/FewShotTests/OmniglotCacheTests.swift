import Foundation
import Testing
@testable import FewShot

@Suite("Omniglot cache")
struct OmniglotCacheTests {
    @Test("the first load decodes and writes the cache; the second reads it back identically and fast")
    func roundTrip() throws {
        let timings = try OmniglotBenchmark.measureLoad(dataDirectory: DataTestSupport.omniglot.directory)
        print("first load \(timings.firstDecodeSeconds) s, cached load \(timings.cachedLoadSeconds) s")
        #expect(timings.drawings == 32_460)
        // The time limits hold for release builds (`-c release`), which is how the suite is run.
        #if !DEBUG
        #expect(timings.firstDecodeSeconds < 5)
        #expect(timings.cachedLoadSeconds < 0.3)
        #endif
    }
}
