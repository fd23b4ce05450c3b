import TerminalUI

/// The explorer's loop: the one loop running the explorer's program.
public typealias AppLoop<Backend: TerminalBackend> = ProgramLoop<Backend, AppState, Action>

extension LoopProgram where State == AppState, Message == Action {
    /// The explorer: `update`, its screens, its key map; its own actions need no lifting.
    public static var explorer: LoopProgram {
        LoopProgram(
            update: ExplorerApp.update, render: { ExplorerView.render($0, into: &$1) },
            input: KeyMap.action(for:in:), lift: { $0 }, start: initialEffects,
            isAnimating: ExplorerApp.isAnimating, shouldQuit: \.shouldQuit)
    }
}

extension ProgramLoop where State == AppState, Message == Action {
    /// An explorer loop over `terminal` starting from `state`; effects go to `runner`.
    public convenience init(
        terminal: Terminal<Backend>, state: AppState, runner: EffectRunner,
        clock: @escaping () -> Int = monotonicMilliseconds
    ) {
        self.init(terminal: terminal, program: .explorer, state: state, runner: runner, clock: clock)
    }
}
