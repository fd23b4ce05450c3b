import Autodiff
import Foundation
import Testing

@testable import FewShot

/// Sine evaluation task by task: the means are the papers' figure, and the median, the worst
/// task and the count of diverged tasks show what a mean hides.
@Suite struct SineErrorStatisticsTests {
    static let models = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("assets/models")

    func shippedSine() throws -> ModelCheckpoint {
        try ModelCheckpoint.read(path: Self.models.appendingPathComponent(ShippedModels.mamlSine).path)
    }

    @Test func meansAreTheReportedFiguresAndTheOtherStatisticsAreTheTasksOwn() throws {
        let evaluator = Evaluator(checkpoint: try shippedSine())
        var (a, b) = (SeededGenerator(seed: 4), SeededGenerator(seed: 4))
        let statistics = evaluator.sineErrorStatistics(shots: 5, tasks: 300, steps: [0, 1, 10], using: &a)
        #expect(statistics.mean == evaluator.sineErrors(shots: 5, tasks: 300, steps: [0, 1, 10], using: &b))
        for i in 0..<3 {
            #expect(statistics.median[i] <= statistics.worst[i])
            // The median of positive errors whose mean is m is below 2m unless half are far above m.
            #expect(statistics.median[i] > 0 && statistics.median[i] < 2 * statistics.mean[i])
        }
        #expect(statistics.median[2] < statistics.median[0], "ten steps fit the tasks better than none")
        #expect(statistics.diverged == [0, 0, 0] && statistics.worst.allSatisfy(\.isFinite) && statistics.tasks == 300)
    }

    @Test func aStepSizeFarTooLargeIsCountedAsDiverged() throws {
        var checkpoint = try shippedSine()
        checkpoint.configuration.innerStepSize = 1
        var rng = SeededGenerator(seed: 4)
        let statistics = Evaluator(checkpoint: checkpoint).sineErrorStatistics(shots: 5, tasks: 50, steps: [0, 10], using: &rng)
        #expect(statistics.diverged[0] == 0)
        #expect(statistics.diverged[1] > 25, "\(statistics)")
        #expect(!(statistics.worst[1] <= SineErrors.divergenceThreshold), "a NaN or a huge error is the worst")
    }

    @Test func tasksBeyondOneChunkAreTheSameTasksInOrder() throws {
        let evaluator = Evaluator(checkpoint: try shippedSine())
        var (chunked, whole) = (SeededGenerator(seed: 9), SeededGenerator(seed: 9))
        let statistics = evaluator.sineErrorStatistics(shots: 5, tasks: Evaluator.sineChunk + 10, steps: [1], using: &chunked)
        let one = evaluator.sineErrors(shots: 5, tasks: Evaluator.sineChunk + 10, steps: [1], using: &whole)
        #expect(abs(statistics.mean[0] - one[0]) <= 1e-4 * one[0])
    }
}
