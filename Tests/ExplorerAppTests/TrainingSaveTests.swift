import ExplorerApp
import FewShot
import Foundation
import TerminalUI
import TestSupport
import Testing

/// The Training screen's `w` and `u` with the real engine: the run lands in the runs folder the
/// user named (model and resume state), and the Sine screen takes the model.
@Suite("Training save and use", .serialized)
struct TrainingSaveTests {
    @Test("runs go to runs/ in the data folder by default, never the current folder")
    func defaultFolder() {
        let folder = RunFiles.defaultDirectory(environment: ["XDG_DATA_HOME": "/data/home"])
        #expect(folder.path == "/data/home/episcope/runs")
        #expect(RunFiles.defaultDirectory().path != FileManager.default.currentDirectoryPath)
    }

    @Test("w writes the run into the folder given; u reuses that file and puts the model on the Sine screen")
    func saveAndUse() throws {
        TestProcess.configure()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("episcope-runs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = EngineOptions()
        options.useShippedModels = false
        options.useOmniglot = false
        options.cacheDirectory = nil
        options.quickSineIterations = 50
        options.runsDirectory = folder.path
        let runner = InlineRunner(engine: ExplorerEngine(options: options), trainingIterations: 20)
        let state = AppState(screen: .training, width: 100, height: 30, seed: 7)
        let loop = AppLoop(terminal: Terminal(backend: TestBackend(width: 100, height: 30)), state: state, runner: runner, clock: { 0 })
        for action in runner.resourceActions { loop.dispatch(action) }
        loop.settle()
        loop.iterate(with: .key(.char("s")))
        loop.settle()
        #expect(loop.state.training.phase == .finished && loop.state.training.iteration == 20)

        loop.iterate(with: .key(.char("w")))
        loop.settle()
        let path = folder.appendingPathComponent("maml-sine-20it.safetensors").path
        #expect(loop.state.training.saved == SavedRun(path: path, iteration: 20))
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(FileManager.default.fileExists(atPath: ResumeState.path(forModel: path)), "resumable: the state file lies beside it")
        #expect(try ModelCheckpoint.read(path: path).iteration == 20)
        let text = loop.terminal.lastFrame.plainText()
        #expect(text.contains("saved") && text.contains("maml-sine-20it.safetensors"), "the screen says what was saved and where:\n\(text)")

        loop.iterate(with: .key(.char("u")))
        loop.settle()
        #expect(loop.state.resources.sineModel == .ready("MAML, trained here, 20 it"))
        #expect(loop.state.training.saved?.usedOn == "Sine")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["maml-sine-20it.safetensors", "maml-sine-20it.state.safetensors"], "u after w reuses the file")
    }
}
