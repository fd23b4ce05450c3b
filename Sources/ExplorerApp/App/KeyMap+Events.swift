import TerminalUI

extension KeyMap {
    /// What `event` means in `state`: overlays take keys first, then the current screen, then global keys.
    public static func action(for event: InputEvent, in state: AppState) -> Action? {
        switch event {
        case .resize(let width, let height):
            return .resize(width: width, height: height)
        case .mouse(let mouse):
            return ExplorerView.action(for: mouse, in: state)
        case .key(let key):
            if state.showHelp {
                switch key {
                case .escape, .char("?"): return .closeOverlay
                case .char("q"), .ctrl("c"): return .quit
                default: return nil
                }
            }
            if !state.fitsMinimumSize {
                // Only quitting makes sense on the "too small" notice.
                return key == .char("q") || key == .ctrl("c") ? .quit : nil
            }
            return KeyMap.action(for: key, on: state.screen)
        }
    }
}
