import Autodiff
import Foundation
import TestSupport
import Testing

@testable import FewShot

/// The models in assets/models reproduce the results written into them.
@Suite struct ShippedModelTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let models = root.appendingPathComponent("assets/models")

    static func shipped() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: models.path)) ?? []).filter { $0.hasSuffix(".safetensors") }.sorted()
    }

    @Test func sineModelsShipAndReproduceTheirErrors() throws {
        for name in [ShippedModels.mamlSine, ShippedModels.pretrainedSine] {
            let checkpoint = try ModelCheckpoint.read(path: Self.models.appendingPathComponent(name).path)
            let stored = try #require(StandardEvaluation.entries(of: checkpoint)["sine_k5"], "\(name) has no sine_k5 result")
            let again = try #require(try StandardEvaluation.run(checkpoint, location: nil)["sine_k5"])
            // The same tasks and the same code give the same errors up to the last bits, which
            // depend on the kernels OpenBLAS picks for the CPU (Haswell, SkylakeX, Zen differ).
            var agreed = again
            for path in [\StandardEvaluation.Entry.mseBefore, \.mseStep1, \.mseStep5, \.mseStep10] {
                if let a = again[keyPath: path], let b = stored[keyPath: path], abs(a - b) <= 1e-4 * max(abs(b), 1) { agreed[keyPath: path] = b }
            }
            #expect(agreed == stored, "\(name): stored \(stored), now \(again)")
        }
        let maml = StandardEvaluation.entries(of: try ModelCheckpoint.read(path: Self.models.appendingPathComponent(ShippedModels.mamlSine).path))[
            "sine_k5"]!
        let baseline = StandardEvaluation.entries(
            of: try ModelCheckpoint.read(path: Self.models.appendingPathComponent(ShippedModels.pretrainedSine).path))["sine_k5"]!
        // The contrast the explorer shows: MAML adapts in one step, the baseline barely moves.
        #expect(maml.mseStep1! < 0.7 && baseline.mseStep1! > 1.5)
    }

    @Test(arguments: shipped().filter { $0.contains("omniglot") })
    func omniglotModelsReproduceTheirAccuracyWithinTheInterval(name: String) throws {
        let data = try TestData.omniglot()
        TestProcess.configure()
        let checkpoint = try ModelCheckpoint.read(path: Self.models.appendingPathComponent(name).path)
        let dataset = try OmniglotDataset.load(from: data)
        let evaluator = Evaluator(checkpoint: checkpoint)
        for (key, stored) in StandardEvaluation.entries(of: checkpoint) {
            if let byInstance = stored.accuracyByInstance, let intervals = stored.ci95ByInstance, let split = stored.split {
                // MANN and the LSTM: accuracy at each sighting of a class, on fresh test sequences.
                let test = try ClassSplit.load(named: String(split.split(separator: "/")[0]), part: "test", dataset: dataset, location: data)
                var rng = SeededGenerator(seed: 12_345)
                let again = try evaluator.instanceAccuracy(dataset: dataset, split: test, episodes: 160, using: &rng)
                for k in [1, 2, 10] where k <= byInstance.count {
                    #expect(
                        abs(again.at(k).accuracy - byInstance[k - 1]) <= intervals[k - 1] + again.at(k).ci95 + 0.005,
                        "\(name) instance \(k): stored \(byInstance[k - 1]), now \(again.at(k).accuracy) ± \(again.at(k).ci95)")
                }
                continue
            }
            guard let accuracy = stored.accuracy, let ci = stored.ci95, let ways = stored.ways, let split = stored.split else { continue }
            let test = try ClassSplit.load(named: String(split.split(separator: "/")[0]), part: "test", dataset: dataset, location: data)
            var rng = SeededGenerator(seed: 12_345)  // fresh episodes, not the stored ones
            let again = try evaluator.accuracy(dataset: dataset, split: test, ways: ways, shots: stored.shots, queries: 5, episodes: 60, using: &rng)
            #expect(
                abs(again.accuracy - accuracy) <= ci + again.ci95 + 0.005,
                "\(name) \(key): stored \(accuracy) ± \(ci), now \(again.accuracy) ± \(again.ci95)")
        }
    }

    /// Evaluation embeds each drawing once; the episodes and every prediction are the ones the
    /// episode-by-episode path gives (the accuracies of 40 episodes agree exactly).
    @Test(arguments: [ShippedModels.protoNetOneShot, ShippedModels.matchingOneShot])
    func embeddingEachDrawingOnceChangesNoPrediction(name: String) throws {
        let data = try TestData.omniglot()
        TestProcess.configure()
        let evaluator = Evaluator(checkpoint: try ModelCheckpoint.read(path: Self.models.appendingPathComponent(name).path))
        let dataset = try OmniglotDataset.load(from: data)
        let test = try ClassSplit.load(named: "vinyals", part: "test", dataset: dataset, location: data)
        var (once, each) = (SeededGenerator(seed: 5), SeededGenerator(seed: 5))
        for (ways, shots) in [(5, 1), (20, 5)] {
            let table = try evaluator.accuracy(dataset: dataset, split: test, ways: ways, shots: shots, queries: 5, episodes: 40, using: &once)
            let episodeByEpisode = try evaluator.accuracy(
                dataset: dataset, split: test, ways: ways, shots: shots, queries: 5, episodes: 40, embeddingOnce: false, using: &each)
            #expect(table == episodeByEpisode, "\(name) \(ways)-way \(shots)-shot")
        }
    }

    /// The bars of the learning issue, read from the results stored in each shipped model (the
    /// tests above check that the stored results are what the models really do).
    @Test func shippedModelsMeetTheirBars() throws {
        func entries(_ name: String) throws -> [String: StandardEvaluation.Entry] {
            StandardEvaluation.entries(of: try ModelCheckpoint.read(path: Self.models.appendingPathComponent(name).path))
        }
        let protonet = try entries(ShippedModels.protoNetOneShot)
        for (key, bar) in [("5way1shot", 0.985), ("5way5shot", 0.995), ("20way1shot", 0.955), ("20way5shot", 0.985)] {
            #expect(Double(try #require(protonet[key]?.accuracy)) >= bar, "ProtoNet \(key)")
        }
        #expect(Double(try #require(entries(ShippedModels.mamlOmniglot)["5way1shot"]?.accuracy)) >= 0.980, "MAML 5-way 1-shot")
        #expect(Double(try #require(entries(ShippedModels.fomamlOmniglot)["5way1shot"]?.accuracy)) >= 0.970, "first-order MAML 5-way 1-shot")
        #expect(Double(try #require(entries(ShippedModels.reptileOmniglot)["5way5shot"]?.accuracy)) >= 0.985, "Reptile 5-way 5-shot")
        #expect(Double(try #require(entries(ShippedModels.protoNetLake)["lake_runs"]?.errorRate)) < 0.135, "Lake's runs: beat the deep convnet")
        let sine = try #require(entries(ShippedModels.mamlSine)["sine_k5"])
        #expect(try #require(sine.mseStep1) <= 0.67 && #require(sine.mseStep10) <= 0.35, "sine MAML after 1 and 10 steps")
    }
}
