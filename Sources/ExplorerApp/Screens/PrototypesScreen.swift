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
        let columns = area.splitHorizontally([.length(distancesWidth(view, area: area)), .fill(1)])
        let right = columns[1].splitVertically([.length(min(view.ways + 3, columns[1].height / 2)), .fill(1)])
        renderDistances(view, state: state, into: &buffer, area: columns[0])
        renderProbabilities(view, state: state, into: &buffer, area: right[0])
        renderProjection(view, state: state, into: &buffer, area: right[1])
    }

    /// Half the screen, or up to two thirds when the distances need it to show every value as
    /// a whole number with a gap (ten classes at 80 columns, say).
    static func distancesWidth(_ view: EpisodeView, area: Rect) -> Int {
        let widest =
            view.queries.flatMap(\.distances).filter(\.isFinite).map { CharacterWidth.of(NumberFormatting.fixed($0, decimals: 0)) }.max() ?? 1
        let labelWidth = CharacterWidth.of("q\(view.queries.count) ✓") + 1
        let needed = 2 + labelWidth + view.ways * (widest + 1) + 1
        return max(area.width / 2, min(needed, area.width * 2 / 3))
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
        let rowLabels = view.queries.enumerated().map { index, q in
            "q\(index + 1) " + (q.isCorrect(metric) ? Symbols.check(charset) : Symbols.cross(charset))
        }
        let columns = distanceColumns(values, ways: view.ways, labelWidth: (rowLabels.map { CharacterWidth.of($0) }.max() ?? 0) + 1, inner: inner)
        // Only the rows that fit: the selected query is always among them.
        let visible = max(1, (inner.height - 1))
        let first = max(0, min(state.episode.selectedQuery - visible / 2, view.queries.count - visible))
        let last = min(view.queries.count, first + visible)
        let shownValues = Array(values[(first * view.ways)..<(last * view.ways)])
        let heatmap = Heatmap(
            values: shownValues, rows: last - first, columns: view.ways, rowLabels: Array(rowLabels[first..<last]),
            columnLabels: (1...view.ways).map { "\($0)" }, scale: .viridis, valueDecimals: columns.decimals,
            cellWidth: columns.width, highlightedRow: state.episode.selectedQuery - first)
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

    /// Width and decimals of the distance columns: as many decimals as the largest distance
    /// deserves (2 below 10, 1 below 100, else none) and the width allows with a blank column
    /// between neighbours, so every value shows; fewer decimals rather than fewer values.
    /// Cells are up to 12 columns wide when the panel has room.
    static func distanceColumns(_ values: [Float], ways: Int, labelWidth: Int, inner: Rect) -> (width: Int, decimals: Int?) {
        let largest = values.filter(\.isFinite).max() ?? 1
        let wanted = largest >= 100 ? 0 : largest >= 10 ? 1 : 2
        let available = max(2, (inner.width - labelWidth) / max(1, ways))
        guard let decimals = NumberFormatting.decimals(fitting: values, width: available - 1, maxDecimals: wanted) else {
            return (available, nil)
        }
        // Wide cells where there is room: the heatmap draws them roughly square, so the
        // matrix fills a large window instead of a corner of it.
        let widest = values.filter(\.isFinite).map { CharacterWidth.of(NumberFormatting.fixed($0, decimals: decimals)) }.max() ?? 1
        return (min(max(widest + 2, 12), available), decimals)
    }

    static func renderProbabilities(_ view: EpisodeView, state: AppState, into buffer: inout Buffer, area: Rect) {
        let index = min(state.episode.selectedQuery, view.queries.count - 1)
        let query = view.queries[index]
        let metric = state.episode.prototypeDistance
        let shared = view.sharedAlphabet
        // One alphabet: named once in the title, so each row has room for what tells classes apart.
        let title =
            "Softmax of q\(index + 1)" + (metric == .cosine ? ", cosine" : "") + (shared.map { " " + Symbols.dot(buffer.charset) + " " + $0 } ?? "")
        let block = Block(title: title, rightTitle: "true class \(query.label + 1)")
        block.render(into: &buffer, area: area)
        let inner = block.inner(area)
        let numberWidth = "\(view.ways)".count
        // BarChart gives its labels a third of the width.
        let nameWidth = inner.width / 3 - numberWidth - 2
        let probabilities = query.probabilities(metric)
        let bars = view.classes.enumerated().map { label, info in
            BarChart.Bar(
                pad("\(label + 1)", numberWidth, right: true) + " " + (label == query.label ? "*" : " ")
                    + info.caption(width: nameWidth, alphabetShown: shared == nil, charset: buffer.charset),
                value: Double(probabilities[label]), style: Style(fg: Theme.classColor(label)))
        }
        BarChart(bars, maxValue: 1, highlighted: query.predicted(metric)).render(into: &buffer, area: inner)
    }

    static func renderProjection(_ view: EpisodeView, state: AppState, into buffer: inout Buffer, area: Rect) {
        let charset = buffer.charset
        let p = view.projection
        let explained = Int((p.explained * 100).rounded())
        let selectedSymbol = charset == .ascii ? "@" : "◆"
        let block = Block(title: "Embeddings, PCA (\(explained)% of variance)")
            .title(
                Block.Title(
                    "1-\(view.ways) prototypes . support o query \(selectedSymbol) selected", style: Theme.muted, position: .bottom,
                    shorter: ["1-\(view.ways) prototypes . support o \(selectedSymbol) query"]))
        block.render(into: &buffer, area: area)
        var points: [ScatterPlot.Point] = []
        for (point, label) in zip(p.support, p.supportLabels) {
            points.append(.init(x: Double(point.x), y: Double(point.y), style: Style(fg: Theme.classColor(label))))
        }
        for (index, point) in p.queries.enumerated() where index != state.episode.selectedQuery {
            let label = view.queries[index].label
            points.append(.init(x: Double(point.x), y: Double(point.y), style: Style(fg: Theme.classColor(label)), marker: "o"))
        }
        // Prototypes carry their class number as the other panels do, 1 to 10.
        for (label, point) in p.prototypes.enumerated() {
            points.append(
                .init(x: Double(point.x), y: Double(point.y), style: Style(fg: Theme.classColor(label), modifiers: .bold), marker: "\(label + 1)"))
        }
        if p.queries.indices.contains(state.episode.selectedQuery) {
            let point = p.queries[state.episode.selectedQuery]
            points.append(.init(x: Double(point.x), y: Double(point.y), style: Style(fg: .brightWhite, modifiers: .bold), marker: selectedSymbol))
        }
        ScatterPlot(points).render(into: &buffer, area: block.inner(area))
    }
}
