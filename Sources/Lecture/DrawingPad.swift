import ExplorerApp

/// The drawing pad: someone from the room draws a character on a 105x105 canvas (Omniglot's
/// size), with the mouse or with the arrow keys and space, and the model classifies it.
public struct DrawingPad: Sendable, Equatable {
    /// Omniglot's drawings are 105x105; the pad matches so a drawing is a drawing like theirs.
    public static let side = DrawingRequest.side
    /// The pen's radius in pixels: Omniglot strokes are about five pixels wide.
    public static let penRadius = 2
    /// Pixels the cursor moves per arrow key.
    public static let keyStep = 3

    /// Ink per pixel, row-major, 0 or 1.
    public var ink: [UInt8]
    public var cursorX = side / 2
    public var cursorY = side / 2
    /// While down, moving the cursor paints.
    public var penDown = false
    /// Whether the drawing joins as a query or as a new class's one support example.
    public var asNewClass = false

    /// A blank pad.
    public init() { ink = [UInt8](repeating: 0, count: Self.side * Self.side) }

    /// A pad holding `pixels` (105x105, non-zero is ink).
    public init?(pixels: [UInt8], width: Int, height: Int) {
        guard width == Self.side, height == Self.side, pixels.count == width * height else { return nil }
        ink = pixels.map { $0 > 0 ? 1 : 0 }
    }

    /// Whether anything is drawn.
    public var isEmpty: Bool { !ink.contains(1) }

    /// Paints a dot of the pen's radius at (`x`, `y`), clipped to the canvas.
    public mutating func paint(x: Int, y: Int) {
        let r = Self.penRadius
        for dy in -r...r {
            for dx in -r...r where dx * dx + dy * dy <= r * r + 1 {
                let px = x + dx, py = y + dy
                if px >= 0 && px < Self.side && py >= 0 && py < Self.side { ink[py * Self.side + px] = 1 }
            }
        }
    }

    /// Paints a line from (`x0`, `y0`) to (`x1`, `y1`), so a fast drag leaves no gaps.
    public mutating func stroke(from x0: Int, _ y0: Int, to x1: Int, _ y1: Int) {
        let n = max(abs(x1 - x0), abs(y1 - y0), 1)
        for i in 0...n {
            paint(x: x0 + (x1 - x0) * i / n, y: y0 + (y1 - y0) * i / n)
        }
    }

    /// Applies one pad action.
    public mutating func apply(_ action: DrawingPadAction) {
        switch action {
        case .move(let dx, let dy):
            let x = min(max(0, cursorX + dx * Self.keyStep), Self.side - 1)
            let y = min(max(0, cursorY + dy * Self.keyStep), Self.side - 1)
            if penDown { stroke(from: cursorX, cursorY, to: x, y) }
            (cursorX, cursorY) = (x, y)
        case .togglePen:
            penDown.toggle()
            if penDown { paint(x: cursorX, y: cursorY) }
        case .drag(let fromX, let fromY, let toX, let toY):
            stroke(from: fromX, fromY, to: toX, toY)
            (cursorX, cursorY) = (toX, toY)
        case .clear:
            ink = [UInt8](repeating: 0, count: Self.side * Self.side)
            penDown = false
        case .toggleRole:
            asNewClass.toggle()
        case .submit, .save, .load, .cancel:
            break
        }
    }
}

/// What the pad's keys and the mouse do.
public enum DrawingPadAction: Sendable, Equatable {
    /// Arrow keys: move the cursor by cells of `keyStep` pixels (painting while the pen is down).
    case move(dx: Int, dy: Int)
    case togglePen
    /// A mouse press or drag segment, in canvas pixels.
    case drag(fromX: Int, fromY: Int, toX: Int, toY: Int)
    case clear
    /// Query or new class.
    case toggleRole
    /// Enter: classify the drawing.
    case submit
    /// Save the drawing as a 105x105 PNG.
    case save
    /// Load the last saved (or `--drawing`) PNG.
    case load
    case cancel
}
