import ExplorerApp
import FewShot
import Lecture
import Testing

/// Training steps in a lecture: a run belongs to the step that started it.
@Suite("Lecture training steps")
struct LectureTrainingStepTests {
    @Test("leaving a step stops its run, and the run's last events do not land on the next step")
    func runStopsWithItsStep() throws {
        let lecture = try LectureParser.parse(
            """
            == MAML trains
            screen: training
            algorithm: maml
            dataset: sine
            > s starts.
            == FOMAML trains
            screen: training
            algorithm: fomaml
            dataset: sine
            > s starts.
            """)
        var state = LectureState(lecture: lecture)
        let start = updateLecture(&state, .app(.trainingToggle))
        #expect(start.contains { if case .training(.start) = $0 { return true } else { return false } })
        let configuration = TrainingConfiguration.standard(.maml, .sine)
        _ = updateLecture(&state, .app(.trainingEvents([.started(configuration: configuration, total: configuration.iterations)])))
        #expect(state.app.training.phase == .running)

        let leave = updateLecture(&state, .next)
        #expect(leave.contains(.training(.stop)), "the run must stop when its step is left: \(leave)")
        #expect(state.app.training.algorithm == .fomaml && state.app.training.phase == .idle)

        // What the stopped run still sends is not this step's: its screen stays idle.
        _ = updateLecture(&state, .app(.trainingEvents([.started(configuration: configuration, total: configuration.iterations), .stopped])))
        #expect(state.app.training.phase == .idle)

        // This step's own run is drawn as usual.
        _ = updateLecture(&state, .app(.trainingToggle))
        _ = updateLecture(&state, .app(.trainingEvents([.started(configuration: configuration, total: configuration.iterations)])))
        #expect(state.app.training.phase == .running)

        // Leaving a step with no run asks for nothing to stop.
        _ = updateLecture(&state, .app(.trainingEvents([.stopped])))
        #expect(!updateLecture(&state, .back).contains(.training(.stop)))
    }
}
