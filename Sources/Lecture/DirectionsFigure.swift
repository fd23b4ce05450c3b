import ExplorerApp
import FewShot
import TerminalUI

/// The "one task, three directions" figure: where MAML, first-order MAML and Reptile would move
/// the same θ on the same sine task (the Sine steps' task for the same seed and task number),
/// as angles, lengths and what each move does to the loss after adaptation.
enum DirectionsFigure {
    /// What the figure shows, computed once when its step is entered.
    struct Content: Sendable, Equatable {
        var wave: SineWave
        var shots: Int
        var alpha: Float
        var reptileSteps: Int
        var seed: UInt64
        var directions: SineUpdateDirections
    }

    /// θ moves this far (in parameter space) along each direction for the loss column.
    static let moveLength: Float = 0.1

    /// The figure's numbers for `settings` (seed, task, shots, alpha, and steps for Reptile's k).
    static func content(for settings: StepSettings) -> Content {
        let seed = settings.seed ?? 7
        let (wave, pool) = SineState.task(seed: seed, number: settings.task ?? 0)
        let shots = min(settings.shots ?? 5, pool.count - 1)
        let alpha = settings.alpha ?? 0.01
        let reptileSteps = max(1, settings.steps ?? 5)
        let points = pool.map { (x: $0.x, y: $0.y) }
        let directions = SineUpdateDirections.atInitialization(
            seed: seed, support: Array(points.prefix(shots)), query: Array(points.dropFirst(shots)), innerStepSize: alpha,
            reptileSteps: reptileSteps, moveLength: moveLength)
        return Content(wave: wave, shots: shots, alpha: alpha, reptileSteps: reptileSteps, seed: seed, directions: directions)
    }

    static func render(_ content: Content?, into buffer: inout Buffer, area: Rect) {
        guard let content else { return }
        let d = content.directions
        let task = "A \(fixed(content.wave.amplitude, 2))  φ \(fixed(content.wave.phase, 2))  K \(content.shots)  α \(fixed(content.alpha, 3))"
        let block = Block(
            title: "One task, three directions", rightTitle: LectureText.render(task, charset: buffer.charset), borderStyle: Theme.muted)
        block.render(into: &buffer, area: area)
        let inner = block.inner(area).inset(horizontal: 1, vertical: 0)
        let names = ["MAML", "first-order MAML", "Reptile (k = \(content.reptileSteps))"]
        let header = Line(
            LectureText.render("θ: a fresh initialisation (seed \(content.seed)), where meta-training starts", charset: buffer.charset),
            style: Theme.muted)
        let numbers = [d.queryLoss] + d.queryLossMoved + d.lengths + d.cosines.flatMap { $0 }
        guard numbers.allSatisfy(\.isFinite) else {
            // A step size this large blows the inner step up: there are no directions to compare.
            let message = "diverged: one inner step at this α leaves the loss not finite, so no direction can be compared"
            Paragraph([Line(LectureText.render(message, charset: buffer.charset), style: Theme.warning)], wrap: true)
                .render(into: &buffer, area: inner.inset(top: 2))
            Paragraph([header], wrap: false).render(into: &buffer, area: inner)
            return
        }
        var lines = [
            header,
            Line(""),
            Line(pad("update rule", 20) + pad("angle to MAML", 15) + "query loss after one inner step", style: Theme.heading),
            Line(pad("", 35) + "from θ " + fixed(d.queryLoss, 3) + "; θ moved " + fixed(moveLength, 1) + " along it:", style: Theme.muted)
        ]
        for rule in SineUpdateDirections.Rule.allCases {
            let moved = d.queryLossMoved[rule.rawValue]
            let lower = moved < d.queryLoss
            lines.append(
                Line([
                    Span(pad(names[rule.rawValue], 20), style: Theme.accent), Span(pad(fixed(d.angle(.maml, rule), 1) + "°", 15)),
                    Span(fixed(moved, 3) + (lower ? " (lower)" : " (higher)"), style: lower ? Theme.correct : Theme.warning)
                ]))
        }
        let text = lines.map { line in Line(line.spans.map { Span(LectureText.render($0.text, charset: buffer.charset), style: $0.style) }) }
        let table = inner.splitVertically([.length(text.count + 1), .fill(1)])
        Paragraph(text, wrap: false).render(into: &buffer, area: table[0])
        renderArrows(d, names: ["MAML", "first-order", "Reptile"], into: &buffer, area: table[1])
    }

    /// The three directions as arrows from θ at their true angles to MAML's direction (first-order
    /// MAML's above it; Reptile's on the side its direction leans to, seen in the plane of the other two).
    static func renderArrows(_ d: SineUpdateDirections, names: [String], into buffer: inout Buffer, area: Rect) {
        let label = (names.map(\.count).max() ?? 0) + 1
        guard area.width >= label + 12, area.height >= 3 else { return }
        let canvasArea = Rect(x: area.x + 1, y: area.y, width: area.width - label - 1, height: area.height)
        var canvas = BrailleCanvas(width: canvasArea.width, height: canvasArea.height)
        let cosMF = d.cosines[0][1], sinMF = (1 - cosMF * cosMF).squareRoot()
        let cosMR = d.cosines[0][2], sinMR = (1 - cosMR * cosMR).squareRoot()
        // Which side of MAML's direction Reptile's leans to, relative to first-order MAML's.
        let side: Float = sinMF > 1e-3 && d.cosines[1][2] - cosMR * cosMF < 0 ? -1 : 1
        let tips: [(x: Float, y: Float)] = [(1, 0), (cosMF, sinMF), (cosMR, side * sinMR)]
        let below = side < 0 && sinMR > 0.05
        let origin = (x: 0, y: below ? canvas.dotHeight / 2 : canvas.dotHeight - 2)
        let reach = Float(min(canvas.dotWidth - 2, below ? canvas.dotHeight / 2 - 2 : canvas.dotHeight - 3))
        guard reach >= 4 else { return }
        let colors: [Color] = [.cyan, .yellow, .magenta]
        var taken: [(row: Int, columns: Range<Int>)] = []
        for (index, tip) in tips.enumerated() {
            let end = (x: origin.x + Int((tip.x * reach).rounded()), y: origin.y - Int((tip.y * reach).rounded()))
            canvas.line(from: origin, to: end, color: colors[index])
            // Close angles put labels on one row: move a label away from MAML's line until it is free.
            let column = canvasArea.x + end.x / 2 + 1, columns = column..<(column + names[index].count)
            var row = canvasArea.y + min(canvasArea.height - 1, max(0, end.y / 4))
            while taken.contains(where: { $0.row == row && $0.columns.overlaps(columns) }) { row += tip.y < 0 ? 1 : -1 }
            taken.append((row, columns))
            _ = buffer.set(x: column, y: row, string: names[index], style: Style(fg: colors[index]), clip: area)
        }
        canvas.render(into: &buffer, area: canvasArea)
        _ = buffer.set(x: area.x, y: canvasArea.y + origin.y / 4, string: buffer.charset == .ascii ? "*" : "θ", style: Theme.heading, clip: area)
    }

    private static func fixed(_ value: Float, _ decimals: Int) -> String { NumberFormatting.fixed(value, decimals: decimals) }
    private static func pad(_ text: String, _ width: Int) -> String { ResultsFigure.pad(text, width) }
}
