import Autodiff
import Foundation
import Testing

@testable import FewShot

@Suite("Sine task family")
struct SineTaskTests {
    @Test("tasks and points stay in the published ranges and follow y = A sin(x - phase)")
    func ranges() {
        var generator = SeededGenerator(seed: 9)
        let family = SineTaskFamily()
        for _ in 0..<200 {
            let episode = family.sampleEpisode(shots: 10, queries: 7, using: &generator)
            #expect((0.1...5).contains(episode.task.amplitude) && (0...Float.pi).contains(episode.task.phase))
            #expect(episode.supportX.shape == [10, 1] && episode.queryY.shape == [7, 1])
            for (x, y) in zip(episode.supportX.scalars + episode.queryX.scalars, episode.supportY.scalars + episode.queryY.scalars) {
                #expect((-5...5).contains(x))
                #expect(abs(y - episode.task.amplitude * sin(x - episode.task.phase)) < 1e-5)
            }
        }
    }

    @Test("seeded: the same seed gives the same task and points")
    func determinism() {
        var a = SeededGenerator(seed: 1), b = SeededGenerator(seed: 1), c = SeededGenerator(seed: 2)
        let family = SineTaskFamily()
        let first = family.sampleEpisode(shots: 5, using: &a)
        let again = family.sampleEpisode(shots: 5, using: &b)
        #expect(first.task == again.task && first.supportX.scalars == again.supportX.scalars && first.queryY.scalars == again.queryY.scalars)
        #expect(family.sampleEpisode(shots: 5, using: &c).task != first.task)
        #expect(first.queryX.shape == [5, 1])
        #expect(SineTask(amplitude: 2, phase: 0)(Float.pi / 2) == 2)
    }
}
