import TerminalUI
import Testing

@Suite struct TerminalTests {
    @Test func firstFrameIsFullThenOnlyTheDifferenceIsSent() {
        let backend = TestBackend(width: 20, height: 3)
        let terminal = Terminal(backend: backend)
        terminal.draw { buffer in buffer.set(x: 0, y: 0, string: "count 1") }
        #expect(backend.clearCount == 1)
        #expect(backend.buffer.plainText() == "count 1\n\n")
        terminal.draw { buffer in buffer.set(x: 0, y: 0, string: "count 2") }
        #expect(terminal.lastChangeCount == 1)
        #expect(backend.buffer.plainText() == "count 2\n\n")
        terminal.draw { buffer in buffer.set(x: 0, y: 0, string: "count 2") }
        #expect(terminal.lastChangeCount == 0)
        #expect(backend.flushCount == 3)
    }

    @Test func resizeTriggersAFullRedrawAtTheNewSize() {
        let backend = TestBackend(width: 10, height: 2)
        let terminal = Terminal(backend: backend)
        terminal.draw { $0.set(x: 0, y: 0, string: "hi") }
        backend.resize(width: 12, height: 3)
        #expect(terminal.pollEvent(timeoutMilliseconds: 0) == .resize(width: 12, height: 3))
        terminal.draw { buffer in buffer.set(x: buffer.width - 2, y: 2, string: "hi") }
        #expect(backend.clearCount == 2)
        #expect(terminal.lastFrame.width == 12)
        #expect(backend.buffer.plainText() == "\n\n          hi")
    }

    @Test func queuedEventsComeOutInOrder() {
        let backend = TestBackend(width: 4, height: 1)
        backend.type(.char("q"), .ctrl("c"))
        backend.events.append(.mouse(MouseEvent(x: 1, y: 0, kind: .press, button: .left)))
        #expect(backend.pollEvent(timeoutMilliseconds: 10) == .key(.char("q")))
        #expect(backend.pollEvent(timeoutMilliseconds: 10) == .key(.ctrl("c")))
        #expect(backend.pollEvent(timeoutMilliseconds: 10) == .mouse(MouseEvent(x: 1, y: 0, kind: .press, button: .left)))
        #expect(backend.pollEvent(timeoutMilliseconds: 10) == nil)
    }

    @Test func asciiBackendSelectsAsciiCharset() {
        let terminal = Terminal(backend: TestBackend(width: 6, height: 3, supportsUnicode: false))
        terminal.draw { buffer in Block().render(into: &buffer, area: buffer.area) }
        #expect(terminal.backend.buffer.plainText() == "+----+\n|    |\n+----+")
    }

    @Test func keyLabels() {
        #expect(Key.ctrl("c").label == "Ctrl-C")
        #expect(Key.char(" ").label == "Space")
        #expect(Key.function(5).label == "F5")
    }
}
