import Autodiff
import Foundation
import NeuralNets
import Testing

@testable import FewShot

/// What `MetricLearner.episode` hands the Compare screen: each learner's own evidence, and class
/// probabilities that follow from that evidence and agree with the class scores' decision.
@Suite struct MetricEvidenceTests {
    static let supportLabels = [0, 1, 2, 0, 1, 2], queryLabels = [2, 0, 1, 1]

    func run(_ learner: MetricLearner, parameters: ParameterList, seed: UInt64) -> MetricLearner.EpisodeResult {
        var rng = SeededGenerator(seed: seed)
        let support = Tensor.randomUniform(shape: [6, 1, 28, 28], in: 0...1, using: &rng)
        let query = Tensor.randomUniform(shape: [4, 1, 28, 28], in: 0...1, using: &rng)
        return withoutRecording {
            learner.episode(
                parameters: parameters, support: support, supportLabels: Self.supportLabels, query: query,
                queryLabels: Self.queryLabels, ways: 3, normalization: .batch(running: nil))
        }
    }

    func rows(_ t: Tensor) -> [[Float]] {
        let columns = t.shape[1]
        return (0..<t.shape[0]).map { Array(t.scalars[($0 * columns)..<(($0 + 1) * columns)]) }
    }

    func expectSameDecision(_ r: MetricLearner.EpisodeResult) {
        #expect(r.classProbabilities.shape == [4, 3])
        #expect(r.classProbabilities.argmaxAlongLastAxis() == r.classScores.argmaxAlongLastAxis())
    }

    @Test func protoNetProbabilitiesAreTheSoftmaxOfMinusDistances() throws {
        var rng = SeededGenerator(seed: 1)
        let net = ProtoNet(encoder: ConvNet4(hiddenChannels: 8))
        let r = run(.prototypical(net), parameters: net.encoder.initialParameters(using: &rng), seed: 2)
        let proto = try #require(r.prototypical)
        #expect(r.matching == nil && r.siamese == nil && r.relation == nil)
        for (p, d) in zip(rows(r.classProbabilities), rows(proto.distances)) {
            let e = d.map { expf(-$0 + d.min()!) }
            let total = e.reduce(0, +)
            for (a, b) in zip(p, e) { #expect(abs(a - b / total) < 1e-5) }
        }
        expectSameDecision(r)
    }

    @Test func matchingProbabilitiesAreAttentionMassPerClass() throws {
        var rng = SeededGenerator(seed: 3)
        let net = MatchingNetwork(encoder: ConvNet4(hiddenChannels: 8), similarityScale: 10)
        let r = run(.matching(net), parameters: net.encoder.initialParameters(using: &rng), seed: 4)
        let matching = try #require(r.matching)
        #expect(r.prototypical == nil && r.siamese == nil && r.relation == nil)
        #expect(matching.similarities.shape == [4, 6] && matching.attention.shape == [4, 6])
        for (p, a) in zip(rows(r.classProbabilities), rows(matching.attention)) {
            for c in 0..<3 {
                let mass = Self.supportLabels.indices.filter { Self.supportLabels[$0] == c }.map { a[$0] }.reduce(0, +)
                #expect(abs(p[c] - mass) < 1e-5)
            }
            #expect(abs(p.reduce(0, +) - 1) < 1e-5)
        }
        expectSameDecision(r)
    }

    @Test func siameseProbabilitiesAreMeanPairScoresPerClass() throws {
        var rng = SeededGenerator(seed: 5)
        let net = SiameseNetwork(encoder: ConvNet4(hiddenChannels: 8))
        let r = run(.siamese(net), parameters: net.initialParameters(using: &rng), seed: 6)
        let siamese = try #require(r.siamese)
        #expect(r.prototypical == nil && r.matching == nil && r.relation == nil)
        #expect(siamese.pairScores.shape == [4, 6])
        for (p, s) in zip(rows(r.classProbabilities), rows(siamese.pairScores)) {
            for c in 0..<3 {
                let pairs = Self.supportLabels.indices.filter { Self.supportLabels[$0] == c }.map { s[$0] }
                #expect(abs(p[c] - pairs.reduce(0, +) / Float(pairs.count)) < 1e-5)
            }
        }
        expectSameDecision(r)
    }

    @Test func relationProbabilitiesAreTheRelationScores() throws {
        var rng = SeededGenerator(seed: 7)
        let net = RelationNetwork(channels: 8, hiddenUnits: 4)
        let r = run(.relation(net), parameters: net.initialParameters(using: &rng), seed: 8)
        let relation = try #require(r.relation)
        #expect(r.prototypical == nil && r.matching == nil && r.siamese == nil)
        #expect(r.classProbabilities.scalars == relation.scores.scalars)
        #expect(relation.scores.scalars.allSatisfy { $0 > 0 && $0 < 1 })
        expectSameDecision(r)
    }

    /// Cosine distance to a prototype is 1 − cos: 0 for a parallel embedding, 1 for an orthogonal
    /// one, 2 for an opposite one, whatever the lengths; squared Euclidean is the usual sum.
    @Test func prototypeDistancesUnderEitherMetric() {
        let queries = Tensor(shape: [2, 2], scalars: [3, 0, 0, 0.5])
        let prototypes = Tensor(shape: [3, 2], scalars: [1, 0, 0, 2, -2, 0])
        let cosine = ProtoNet.distances(queries, prototypes, .cosine).scalars
        for (a, b) in zip(cosine, [0, 1, 2, 1, 0, 1] as [Float]) { #expect(abs(a - b) < 1e-5) }
        let squared = ProtoNet.distances(queries, prototypes, .squaredEuclidean).scalars
        for (a, b) in zip(squared, [4, 13, 25, 1.25, 2.25, 4.25] as [Float]) { #expect(abs(a - b) < 1e-4) }
    }
}
