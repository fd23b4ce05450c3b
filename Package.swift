// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Episcope",
    products: [
        .executable(name: "episcope", targets: ["EpiscopeCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // MARK: - System libraries
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS"),
        .systemLibrary(name: "ZlibC", path: "Sources/ZlibC"),
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),

        // MARK: - Engine
        .target(name: "Autodiff", dependencies: ["CBLAS"], exclude: ["README.md"]),
        .target(name: "NeuralNets", dependencies: ["Autodiff"]),
        .target(
            name: "FewShot",
            dependencies: ["Autodiff", "NeuralNets", "ZlibC"]
        ),

        // MARK: - Terminal UI
        .target(name: "TerminalUI"),
        .target(name: "CursesBackend", dependencies: ["TerminalUI", "CNCurses"]),
        .target(name: "ExplorerApp", dependencies: ["TerminalUI", "FewShot", "NeuralNets", "Autodiff"]),
        .target(name: "Lecture", dependencies: ["ExplorerApp", "TerminalUI", "FewShot"]),

        // MARK: - Command line
        .executableTarget(
            name: "EpiscopeCLI",
            dependencies: [
                "Autodiff", "NeuralNets", "FewShot", "TerminalUI", "CursesBackend", "ExplorerApp", "Lecture",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Fuzzing
        // Plainly built it replays inputs; `make fuzz` builds it apart with libFuzzer (scripts/fuzz.sh).
        .executableTarget(name: "EpiscopeFuzz", dependencies: ["FewShot", "Lecture"]),

        // MARK: - Tests
        // Snapshot policy, data location, binary location and tmux driver, for the test targets only.
        .target(name: "TestSupport", dependencies: ["Autodiff", "TerminalUI", "FewShot"], path: "Tests/TestSupport"),
        .testTarget(name: "AutodiffTests", dependencies: ["Autodiff"]),
        .testTarget(name: "NeuralNetsTests", dependencies: ["NeuralNets", "Autodiff"]),
        .testTarget(name: "FewShotTests", dependencies: ["FewShot", "NeuralNets", "Autodiff", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "ExplorerAppTests", dependencies: ["ExplorerApp", "TerminalUI", "FewShot", "Autodiff", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "LectureTests", dependencies: ["Lecture", "ExplorerApp", "TerminalUI", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
