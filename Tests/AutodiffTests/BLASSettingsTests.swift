import Testing

@testable import Autodiff

@Suite struct BLASSettingsTests {
    @Test func coreTypeFollowsTheCPUFlags() {
        #expect(BLASCoreSelection.bestCoreType(cpuFlags: ["avx512f", "avx512bw", "avx512vl", "avx512dq", "avx2", "fma"]) == "SkylakeX")
        #expect(BLASCoreSelection.bestCoreType(cpuFlags: ["avx2", "fma", "avx"]) == "Haswell")
        #expect(BLASCoreSelection.bestCoreType(cpuFlags: ["avx"]) == "Sandybridge")
        #expect(BLASCoreSelection.bestCoreType(cpuFlags: ["sse2"]) == nil)
        #expect(BLASCoreSelection.rank(ofCore: "Prescott") < BLASCoreSelection.rank(ofCore: "Haswell"))
    }

    @Test func settingsTheUserMadeAreKept() {
        let chosen = ["OPENBLAS_CORETYPE": "Prescott", "OPENBLAS_THREAD_TIMEOUT": "28"]
        #expect(BLASCoreSelection.missingSettings(environment: chosen).isEmpty)
    }

    @Test func idleWorkersSleepUnlessTheUserSaysOtherwise() {
        let settings = BLASCoreSelection.missingSettings(environment: ["OPENBLAS_CORETYPE": BLAS.coreName])
        #expect(settings["OPENBLAS_CORETYPE"] == nil)
        #expect(settings["OPENBLAS_THREAD_TIMEOUT"] == (BLAS.threadCount > 1 ? BLASCoreSelection.idleWorkerSpin : nil))
    }

    @Test func concurrentMapKeepsOrderAndTheCallersRecording() {
        for workers in [1, 2, 3] {
            #expect(concurrentMap(10, workers: workers) { $0 * $0 } == (0..<10).map { $0 * $0 })
            let recorded = withoutRecording { concurrentMap(4, workers: workers) { _ in GradientRecording.isEnabled } }
            #expect(recorded == [false, false, false, false])
            #expect(concurrentMap(4, workers: workers) { _ in GradientRecording.isEnabled } == [true, true, true, true])
        }
        #expect(concurrentMap(0) { $0 }.isEmpty)
    }
}
