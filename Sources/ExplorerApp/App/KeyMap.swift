import TerminalUI

/// One entry of the key map: keys, what they do, where, and how help and the status bar
/// describe them. The help overlay and the status bar are generated from these, so they
/// can never disagree with what the keys actually do.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var action: Action
    /// The sentence in the help overlay.
    public var help: String
    /// The short label in the status bar; `nil` keeps the binding out of the status bar.
    public var hint: String?
    /// Screens where it applies; `nil` means everywhere.
    public var screens: [ScreenID]?

    /// A binding of `keys` to `action`.
    public init(_ keys: [Key], _ action: Action, help: String, hint: String? = nil, on screens: [ScreenID]? = nil) {
        self.keys = keys
        self.action = action
        self.help = help
        self.hint = hint
        self.screens = screens
    }

    /// Whether the binding applies on `screen`.
    public func applies(on screen: ScreenID) -> Bool { screens?.contains(screen) ?? true }
}

/// The explorer's keys.
public enum KeyMap {
    /// Every binding; screen-specific ones first, so they win over global ones on their screen.
    public static let bindings: [KeyBinding] = sine + episode + prototypes + compare + memory + inner + training + global

    static let sine: [KeyBinding] = [
        KeyBinding([.char(" ")], .sineStep, help: "one inner gradient step on the support points", hint: "step", on: [.sine]),
        KeyBinding([.char("a")], .sineRunAll, help: "run all 10 steps, drawn as they happen", hint: "all", on: [.sine]),
        KeyBinding([.char("r")], .sineReset, help: "back to the meta-learned start (step 0)", on: [.sine]),
        KeyBinding([.char("n")], .sineNewTask, help: "a new sine task", hint: "new task", on: [.sine]),
        KeyBinding([.char("+"), .char("=")], .sineMoreShots, help: "one more support point (K + 1)", hint: "K", on: [.sine]),
        KeyBinding([.char("-")], .sineFewerShots, help: "one fewer support point (K - 1)", on: [.sine]),
        KeyBinding([.char(">"), .up], .sineAlphaUp, help: "larger inner step size alpha", hint: "alpha", on: [.sine]),
        KeyBinding([.char("<"), .down], .sineAlphaDown, help: "smaller inner step size alpha", on: [.sine]),
        KeyBinding([.char("b")], .sineToggleBaseline, help: "overlay the pretrained baseline, fine-tuned the same way", hint: "baseline", on: [.sine])
    ]

    static let episode: [KeyBinding] = [
        KeyBinding([.char("r")], .episodeResample, help: "sample a new episode", hint: "resample", on: [.episode, .prototypes, .compare]),
        KeyBinding(
            [.char("+"), .char("=")], .episodeMoreWays, help: "one more class (ways + 1)", hint: "ways", on: [.episode, .prototypes, .compare]),
        KeyBinding([.char("-")], .episodeFewerWays, help: "one fewer class (ways - 1)", on: [.episode, .prototypes, .compare]),
        KeyBinding([.char("]")], .episodeMoreShots, help: "one more support drawing per class", hint: "shots", on: [.episode, .prototypes, .compare]),
        KeyBinding([.char("[")], .episodeFewerShots, help: "one fewer support drawing per class", on: [.episode, .prototypes, .compare]),
        KeyBinding(
            [.char("w")], .episodeToggleWithinAlphabet, help: "classes from one alphabet only (harder)", hint: "alphabet",
            on: [.episode, .prototypes, .compare]
        ),
        KeyBinding([.char("z")], .episodeToggleZoom, help: "zoom the selected query beside its 28x28 model input", hint: "zoom", on: [.episode]),
        KeyBinding([.char("g")], .cycleGlyphMode, help: "draw glyphs as ASCII, half blocks or braille", hint: "glyphs", on: [.episode]),
        KeyBinding([.left, .char("h")], .selectQuery(dx: -1, dy: 0), help: "select the previous query", on: [.episode, .prototypes, .compare]),
        KeyBinding(
            [.right, .char("l")], .selectQuery(dx: 1, dy: 0), help: "select the next query", hint: "select", on: [.episode, .prototypes, .compare]),
        KeyBinding([.up, .char("k")], .selectQuery(dx: 0, dy: -1), help: "select the query a row up", on: [.episode, .prototypes, .compare]),
        KeyBinding([.down, .char("j")], .selectQuery(dx: 0, dy: 1), help: "select the query a row down", on: [.episode, .prototypes, .compare])
    ]

    static let prototypes: [KeyBinding] = [
        KeyBinding(
            [.char("c")], .prototypesToggleDistance, help: "squared Euclidean or cosine distance to the prototypes", hint: "metric",
            on: [.prototypes])
    ]

    static let compare: [KeyBinding] = [
        KeyBinding(
            [.char("d")], .compareFindDisagreement, help: "sample episodes until the learners disagree on a query", hint: "differ",
            on: [.compare])
    ]

    static let memory: [KeyBinding] = [
        KeyBinding(
            [.right, .char(" "), .char("."), .char("l")], .memoryStepForward, help: "one step forward in the sequence", hint: "step", on: [.memory]),
        KeyBinding([.left, .char(","), .char("h")], .memoryStepBack, help: "one step back", on: [.memory]),
        KeyBinding([.char("a")], .memoryPlay, help: "play the sequence to its end (again: pause)", hint: "play", on: [.memory]),
        KeyBinding([.char("e")], .memoryToEnd, help: "jump to the last step", hint: "end", on: [.memory]),
        KeyBinding([.char("r")], .memoryRestart, help: "back to the first step", on: [.memory]),
        KeyBinding([.char("n")], .memoryNewEpisode, help: "a new test sequence", hint: "new", on: [.memory]),
        KeyBinding([.char("+"), .char("=")], .memoryFaster, help: "play faster", hint: "speed", on: [.memory]),
        KeyBinding([.char("-")], .memorySlower, help: "play slower", on: [.memory]),
        KeyBinding(
            [.char("b")], .memoryToggleLearner, help: "the LSTM baseline (no memory) on the same sequence, or MANN again", hint: "LSTM",
            on: [.memory])
    ]

    static let inner: [KeyBinding] = [
        KeyBinding([.char(" ")], .innerStep, help: "one inner step on every task of the meta-batch", hint: "step", on: [.inner]),
        KeyBinding([.char("a")], .innerRunAll, help: "run all 10 steps", hint: "all", on: [.inner]),
        KeyBinding([.char("r")], .innerReset, help: "reset to the meta-learned start", hint: "reset", on: [.inner]),
        KeyBinding([.char("n")], .innerNewBatch, help: "a new meta-batch of tasks", hint: "new batch", on: [.inner]),
        KeyBinding([.char(">"), .up], .innerAlphaUp, help: "larger inner step size alpha", hint: "alpha", on: [.inner]),
        KeyBinding([.char("<"), .down], .innerAlphaDown, help: "smaller inner step size alpha", on: [.inner]),
        KeyBinding(
            [.char("l")], .innerToggleLogScale, help: "log or linear scale for the loss charts", hint: "log", on: [.inner]),
        KeyBinding([.char("t")], .innerNextTask, help: "draw the queries of the next task", hint: "task", on: [.inner])
    ]

    static let training: [KeyBinding] = [
        KeyBinding([.char(" "), .char("s")], .trainingToggle, help: "start, pause or resume training", hint: "start/pause", on: [.training]),
        KeyBinding([.char("x")], .trainingStop, help: "stop the run", hint: "stop", on: [.training]),
        KeyBinding(
            [.char("m")], .trainingNextAlgorithm,
            help: "next algorithm (ProtoNet, MAML, FOMAML, Reptile, Matching, Siamese, Relation; pretrained on sine)", hint: "algorithm",
            on: [.training]),
        KeyBinding([.char("d")], .trainingNextDataset, help: "switch between sine and Omniglot", hint: "dataset", on: [.training]),
        KeyBinding(
            [.char("p")], .trainingTogglePreset,
            help:
                "the live preset (ProtoNet on Omniglot, MAML on sine: good in minutes, tested on unseen classes as it trains) or the papers' schedule",
            hint: "preset", on: [.training]),
        KeyBinding(
            [.char("w")], .trainingSave, help: "save the run (paused or ended) as a checkpoint in the runs folder", hint: "save",
            on: [.training]),
        KeyBinding([.char("u")], .trainingUse, help: "use the trained model on the other screens (saves it too)", hint: "use", on: [.training])
    ]

    static let global: [KeyBinding] = [
        KeyBinding([.tab], .nextScreen, help: "next screen", hint: "screen"),
        KeyBinding([.backTab], .previousScreen, help: "previous screen"),
        KeyBinding([.char("1")], .show(.episode), help: "Episode screen"),
        KeyBinding([.char("2")], .show(.prototypes), help: "Prototypes screen"),
        KeyBinding([.char("3")], .show(.inner), help: "Inner loop screen"),
        KeyBinding([.char("4")], .show(.sine), help: "Sine screen"),
        KeyBinding([.char("5")], .show(.training), help: "Training screen"),
        KeyBinding([.char("6")], .show(.compare), help: "Compare screen"),
        KeyBinding([.char("7")], .show(.memory), help: "Memory screen"),
        KeyBinding([.char("g")], .cycleGlyphMode, help: "draw glyphs as ASCII, half blocks or braille"),
        KeyBinding([.char("?")], .toggleHelp, help: "this help", hint: "help"),
        KeyBinding([.escape], .closeOverlay, help: "close help or zoom"),
        KeyBinding([.char("q"), .ctrl("c")], .quit, help: "quit", hint: "quit")
    ]

    /// What `key` does on `screen`, if anything.
    public static func action(for key: Key, on screen: ScreenID) -> Action? {
        bindings.first { $0.applies(on: screen) && $0.keys.contains(key) }?.action
    }

    /// The status-bar hints for `screen`, screen keys first.
    public static func hints(for screen: ScreenID, charset: Charset) -> [KeyHint] {
        var seen = Set<String>()
        return bindings.compactMap { binding -> KeyHint? in
            guard binding.applies(on: screen), let hint = binding.hint, seen.insert(hint).inserted else { return nil }
            // The sibling binding (e.g. "-" next to "+") shares the hint: show both keys.
            let partner = bindings.first { $0.applies(on: screen) && $0.hint == nil && isPartner($0.action, of: binding.action) }
            var label = keyLabel(binding.keys[0], charset: charset)
            if let partner { label += "/" + keyLabel(partner.keys[0], charset: charset) }
            return KeyHint(label, hint)
        }
    }

    /// The bindings that apply on `screen`, as (keys, help) rows, screen keys first.
    public static func helpRows(for screen: ScreenID, charset: Charset) -> (screen: [(String, String)], global: [(String, String)]) {
        var seenKeys = Set<Key>()
        var local: [(String, String)] = [], everywhere: [(String, String)] = []
        var folded = Set<String>()
        for binding in bindings where binding.applies(on: screen) {
            let keys = binding.keys.filter { seenKeys.insert($0).inserted }
            guard !keys.isEmpty else { continue }
            var row = (keys.map { keyLabel($0, charset: charset) }.joined(separator: " "), binding.help)
            // Families of bindings read better as one row ("1-5 go to a screen").
            if let family = family(of: binding.action) {
                guard folded.insert(family.help).inserted else { continue }
                row = (family.keys(charset), family.help)
            }
            if binding.screens == nil { everywhere.append(row) } else { local.append(row) }
        }
        return (local, everywhere)
    }

    /// A key's name, with words for arrows where the terminal cannot show them.
    public static func keyLabel(_ key: Key, charset: Charset) -> String {
        guard charset == .ascii else { return key.label }
        switch key {
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        default: return key.label
        }
    }

    private static func family(of action: Action) -> (keys: (Charset) -> String, help: String)? {
        switch action {
        case .show: return ({ _ in "1-\(ScreenID.allCases.count)" }, "go to screen 1 to \(ScreenID.allCases.count)")
        case .nextScreen, .previousScreen: return ({ _ in "Tab Shift-Tab" }, "next and previous screen")
        case .selectQuery: return ({ $0 == .ascii ? "arrows hjkl" : "←↓↑→ hjkl" }, "select a query")
        default: return nil
        }
    }

    private static func isPartner(_ candidate: Action, of action: Action) -> Bool {
        let pairs: [(Action, Action)] = [
            (.sineMoreShots, .sineFewerShots), (.sineAlphaUp, .sineAlphaDown), (.episodeMoreWays, .episodeFewerWays),
            (.episodeMoreShots, .episodeFewerShots), (.innerAlphaUp, .innerAlphaDown),
            (.memoryStepForward, .memoryStepBack), (.memoryFaster, .memorySlower)
        ]
        return pairs.contains { $0.0 == action && $0.1 == candidate }
    }
}
