import Autodiff
import ExplorerApp
import FewShot
import Foundation
import NeuralNets
import TerminalUI
import TestSupport
import Testing

/// A sine model wider than the paper's 40 units, shipped in a models folder: the Sine and Inner
/// loop screens adapt it as the network its file names (the paper's network would not take its
/// weights), without Omniglot so that the Inner loop screen runs sine tasks.
@Suite struct WideSineModelTests {
    static let width = 24

    /// An engine over a folder holding a sine MAML model of ``width`` units at its seeded initial
    /// weights, 5 iterations in (so its caption tells it from a quick model's).
    static let runner: Locked<InlineRunner> = {
        TestProcess.configure()
        let folder = try! TestData.temporaryFolder("wide-sine-models")
        var configuration = TrainingConfiguration.standard(.maml, .sine)
        configuration.sineHiddenUnits = width
        var generator = SeededGenerator(seed: 5)
        let parameters = ModelArchitecture(configuration).initialParameters(using: &generator)
        try! ModelCheckpoint(configuration: configuration, parameters: parameters, running: nil, iteration: 5, wallSeconds: 0, command: "")
            .write(to: folder.appendingPathComponent(ShippedModels.mamlSine).path)
        var options = Fixture.options
        options.useShippedModels = true
        options.modelsDirectory = folder
        options.useOmniglot = false
        return Locked(InlineRunner(engine: ExplorerEngine(options: options)))
    }()

    @Test func sineScreenAdaptsTheWideModel() throws {
        let text = Fixture.render(.sine, width: 100, height: 30, over: Self.runner).plainText()
        #expect(text.contains("model: MAML, shipped, 5 it"), "\(text)")
        // The table has the error before and after each of the ten steps, every one a number.
        let rows = text.split(separator: "\n").compactMap { line -> Float? in
            let cells = line.split(separator: "│").last?.split(separator: " ").filter { $0 != ">" } ?? []
            guard cells.count == 2, let step = Int(cells[0]), (0...10).contains(step) else { return nil }
            return Float(cells[1])
        }
        #expect(rows.count == 11 && rows.allSatisfy(\.isFinite), "\(text)")
    }

    @Test func innerLoopScreenRunsSineTasksOnTheWideModel() throws {
        let text = Fixture.render(.inner, width: 100, height: 30, over: Self.runner).plainText()
        #expect(text.contains("MAML on sine regression") && text.contains("MAML, shipped, 5 it"), "\(text)")
    }
}
