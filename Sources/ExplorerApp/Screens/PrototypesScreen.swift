import FewShot
import TerminalUI

/// Screen 2: inside the ProtoNet: distances from each query to each class prototype (squared
/// Euclidean, as trained, or cosine: `c`), the softmax of the selected query, and the
/// embeddings projected to the plane.
enum PrototypesScreen {
    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        guard let view = state.episode.view, !view.queries.isEmpty else {
            Notice.omniglot(state.resources, waitingFor: "sampling an episode", charset: buffer.charset).render(into: &buffer, area: area)
            return
        }
        let columns = area.splitHorizontally([.percentage(50), .fill(1)])
        let right = columns[1].splitVertically([.length(min(view.ways + 3, columns[1].height / 2)), .fill(1)])
        renderDistances(view, state: state, into: &buffer, area: columns[0])
        renderProbabilities(view, state: state, into: &buffer, area: right[0])
        renderProjection(view, state: state, into: &buffer, area: right[1])
    }

    static func renderDistances(_ view: EpisodeView, state: AppState, into buffer: inout Buffer, area: Rect) {
        let charset = buffer.charset
        let metric = state.episode.prototypeDistance
        let title = metric == .cosine ? "Cosine distance 1 - cos, query x prototype" : "Squared distance, query x prototype"
        let block = Block(title: title, rightTitle: "smaller = closer")
            .title(Block.Title(accuracyLine(view, metric: metric, charset: charset), position: .bottom))
        block.render(into: &buffer, area: area)
        let inner = block.inner(area)
        let values = view.queries.flatMap { $0.distances(metric) }
        let largest = values.filter(\.isFinite).max() ?? 1
        let decimals = largest >= 100 ? 0 : largest >= 10 ? 1 : 2
        let rowLabels = view.queries.enumerated().map { index, q in
            "q\(index + 1) " + (q.isCorrect(metric) ? Symbols.check(charset) : Symbols.cross(charset))
        }
        // Only the rows that fit: the selected query is always among them.
        let visible = max(1, (inner.height - 1))
        let first = max(0, min(state.episode.selectedQuery - visible / 2, view.queries.count - visible))
        let last = min(view.queries.count, first + visible)
        let shownValues = Array(values[(first * view.ways)..<(last * view.ways)])
        let heatmap = Heatmap(
            values: shownValues, rows: last - first, columns: view.ways, rowLabels: Array(rowLabels[first..<last]),
            columnLabels: (1...view.ways).map { "\($0)" }, scale: .viridis, valueDecimals: decimals,
            cellWidth: cellWidth(inner, view, decimals, largest),
            highlightedRow: state.episode.selectedQuery - first)
        heatmap.render(into: &buffer, area: inner)
    }

    /// Right answers on this episode under both distances, the one on show first: "c squared 5/5 · cosine 4/5".
    static func accuracyLine(_ view: EpisodeView, metric: ProtoNet.Distance, charset: Charset) -> Line {
        let n = view.queries.count
        func part(_ d: ProtoNet.Distance) -> Span {
            let name = d == .cosine ? "cosine" : "squared"
            return Span("\(name) \(view.correctCount(d))/\(n)", style: d == metric ? Theme.accent : Theme.muted)
        }
        let order: [ProtoNet.Distance] = metric == .cosine ? [.cosine, .squaredEuclidean] : [.squaredEuclidean, .cosine]
        return Line([Span("c ", style: Theme.accent), part(order[0]), Span(" " + Symbols.dot(charset) + " ", style: Theme.muted), part(order[1])])
    }

    static func cellWidth(_ inner: Rect, _ view: EpisodeView, _ decimals: Int, _ largest: Float) -> Int {
        let text = NumberFormatting.fixed(Double(largest), decimals: decimals)
        let wanted = CharacterWidth.of(text) + 2
        return max(2, min(wanted, (inner.width - 7) / max(1, view.ways)))
    }

    static func renderProbabilities(_ view: EpisodeView, state: AppState, into buffer: inout Buffer, area: Rect) {
        let index = min(state.episode.selectedQuery, view.queries.count - 1)
        let query = view.queries[index]
        let metric = state.episode.prototypeDistance
        let block = Block(title: "Softmax of q\(index + 1)" + (metric == .cosine ? ", cosine" : ""), rightTitle: "true class \(query.label + 1)")
        block.render(into: &buffer, area: area)
        let probabilities = query.probabilities(metric)
        let bars = view.classes.enumerated().map { label, info in
            BarChart.Bar(
                "\(label + 1) " + (label == query.label ? "*" : " ") + EpisodeScreen.shortAlphabet(info.alphabet),
                value: Double(probabilities[label]), style: Style(fg: Theme.classColor(label)))
        }
        BarChart(bars, maxValue: 1, highlighted: query.predicted(metric)).render(into: &buffer, area: block.inner(area))
    }

    static func renderProjection(_ view: EpisodeView, state: AppState, into buffer: inout Buffer, area: Rect) {
        let charset = buffer.charset
        let p = view.projection
        let explained = Int((p.explained * 100).rounded())
        let selectedSymbol: Unicode.Scalar = charset == .ascii ? "@" : "◆"
        let block = Block(title: "Embeddings, PCA (\(explained)% of variance)")
            .title(Block.Title("digits prototypes  . support  o query  \(Character(selectedSymbol)) selected", style: Theme.muted, position: .bottom))
        block.render(into: &buffer, area: area)
        var points: [ScatterPlot.Point] = []
        for (point, label) in zip(p.support, p.supportLabels) {
            points.append(.init(x: Double(point.x), y: Double(point.y), style: Style(fg: Theme.classColor(label))))
        }
        for (index, point) in p.queries.enumerated() where index != state.episode.selectedQuery {
            let label = view.queries[index].label
            points.append(.init(x: Double(point.x), y: Double(point.y), style: Style(fg: Theme.classColor(label)), marker: "o"))
        }
        for (label, point) in p.prototypes.enumerated() {
            let digit = Unicode.Scalar(UInt8(48 + (label + 1) % 10))
            points.append(.init(x: Double(point.x), y: Double(point.y), style: Style(fg: Theme.classColor(label), modifiers: .bold), marker: digit))
        }
        if p.queries.indices.contains(state.episode.selectedQuery) {
            let point = p.queries[state.episode.selectedQuery]
            points.append(.init(x: Double(point.x), y: Double(point.y), style: Style(fg: .brightWhite, modifiers: .bold), marker: selectedSymbol))
        }
        ScatterPlot(points).render(into: &buffer, area: block.inner(area))
    }
}
