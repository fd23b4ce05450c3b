import FewShot
import Foundation
import Testing

@testable import Lecture

/// The lecture's results step reads every shipped model's stored evaluations.
@Suite struct ResultsTableTests {
    static let models = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("assets/models")

    @Test func everyShippedModelHasARowWithItsStoredResultAndThePaperBesideIt() throws {
        let table = ResultsTable.load(directory: Self.models)
        #expect(table.note == nil, "\(table.note ?? "")")
        for (_, name) in ResultsTable.files {
            #expect(table.rows.contains { $0.model == name && $0.ours != nil }, "\(name) has no result")
        }
        for name in ["ProtoNet", "MAML", "FOMAML", "Reptile"] {
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
}
