import Foundation
import Testing

@testable import FewShot
@testable import Lecture

/// The lecture's results step reads every shipped model's stored evaluations.
@Suite struct ResultsTableTests {
    static let models = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("assets/models")

    /// Models being trained for the lecture's table that are not in assets/models yet: the
    /// table says they are missing. Empty this once they ship.
    static let stillTraining = [ShippedModels.relationFiveWayFiveShot].filter {
        !FileManager.default.fileExists(atPath: models.appendingPathComponent($0).path)
    }

    @Test func everyShippedModelHasARowWithItsStoredResultAndThePaperBesideIt() throws {
        let table = ResultsTable.load(directory: Self.models)
        let pending = ResultsTable.files.filter { Self.stillTraining.contains($0.file) }.map(\.name)
        #expect(table.note == (pending.isEmpty ? nil : "not shipped yet: " + pending.joined(separator: ", ")), "\(table.note ?? "")")
        for (file, name) in ResultsTable.files where !Self.stillTraining.contains(file) {
            #expect(table.rows.contains { $0.model == name && $0.ours != nil }, "\(name) has no result")
        }
        for name in ["ProtoNet", "MAML", "FOMAML", "Reptile", "Matching Networks", "Siamese network", "Relation Networks"] {
            #expect(table.rows.contains { $0.model == name && $0.paper?.contains("(") == true }, "\(name) has no cited paper figure")
        }
        // The figure is the model file's own, formatted: Reptile's 5-way 5-shot entry.
        let summary = try ModelSummary.read(path: Self.models.appendingPathComponent(ShippedModels.reptileOmniglot).path)
        let entry = try #require(summary.evaluations["5way5shot"])
        let stored = try #require(ResultsTable.describe(entry))
        #expect(stored.hasPrefix(String(format: "%.1f%%", Double(try #require(entry.accuracy)) * 100)))
        #expect(table.rows.first { $0.model == "Reptile" && $0.setting == "5-way 5-shot" }?.ours == stored)
        // Reptile's published 99.5% is transductive; the table says so and gives the per-query figure.
        #expect(table.rows.first { $0.model == "Reptile" && $0.setting == "5-way 5-shot" }?.paper == "99.5% transductive (98.9)")
    }

    @Test func aSequenceModelsAccuracyByInstanceReadsAsItsFirstSecondAndTenthSighting() throws {
        let byInstance = [0.364, 0.828, 0.91, 0.926, 0.949, 0.96, 0.97, 0.975, 0.98, 0.981].map {
            Evaluator.Accuracy(accuracy: Float($0), ci95: 0.01, episodes: 100)
        }
        let a = Evaluator.InstanceAccuracy(byInstance: byInstance, overall: byInstance[0], episodes: 100)
        let entry = StandardEvaluation.byInstanceEntry(a, classes: 5, split: "vinyals/test")
        #expect(ResultsTable.describe(entry) == "36.4 / 82.8 / 98.1%")
        #expect(entry.instanceFigures == "36.4 / 82.8 / 91.0 / 92.6 / 94.9 / 98.1 at instances 1/2/3/4/5/10")
        #expect(ResultsTable.settingName(StandardEvaluation.byInstanceKey) == "1st/2nd/10th seen")
    }
}
