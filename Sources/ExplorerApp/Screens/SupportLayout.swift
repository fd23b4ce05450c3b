import TerminalUI

/// Where the Episode screen puts each class of the support set: a grid of class blocks, each a
/// label and the class's drawings side by side, with as many blocks across, and the label
/// beside or above the drawings, as make the drawings largest. A wide window thus gets two or
/// three columns of classes with drawings many rows tall rather than one thin column.
struct SupportLayout: Equatable {
    /// Classes stacked in each column (the last column may hold fewer).
    var perColumn: Int
    var columnWidth: Int
    var rowHeight: Int
    /// Columns the label takes on the left of the drawings; 0 when it sits above them.
    var labelWidth: Int
    /// Whether the label is one row above the drawings rather than a column beside them.
    var labelAbove: Bool
    /// Cells across and down each drawing gets (drawings are square: columns = 2 x rows).
    var glyphColumns: Int
    var glyphRows: Int

    /// Blank columns between class blocks and between drawings.
    static let gap = 1

    /// The layout that shows the most classes, with the largest drawings among those, for
    /// `classes` classes of `shots` drawings each, with labels `labelWidth` wide when beside the
    /// drawings, in `area`; on a tie, fewer columns of classes and labels beside.
    static func best(classes: Int, shots: Int, labelWidth: Int, in area: Rect) -> SupportLayout {
        var best: (layout: SupportLayout, shown: Int)?
        for labelAbove in [false, true] {
            for columns in 1...max(1, classes) {
                let perColumn = (classes + columns - 1) / columns
                // A column count that leaves a column empty is the same as a smaller one.
                guard columns == 1 || (columns - 1) * perColumn < classes else { continue }
                let candidate = make(perColumn: perColumn, columns: columns, shots: shots, labelWidth: labelWidth, labelAbove: labelAbove, in: area)
                // Drawings too narrow for their row of shots would be cut off: not a candidate.
                guard candidate.fitsShots(shots) || best == nil else { continue }
                let shown = (0..<classes).filter { candidate.classArea($0, in: area) != nil }.count
                if let current = best, (shown, candidate.glyphRows) <= (current.shown, current.layout.glyphRows), current.layout.fitsShots(shots) {
                    continue
                }
                best = (candidate, shown)
            }
        }
        return best!.layout
    }

    /// Whether `shots` drawings side by side fit in a class block.
    func fitsShots(_ shots: Int) -> Bool {
        labelWidth + shots * (glyphColumns + Self.gap) - Self.gap <= columnWidth
    }

    private static func make(perColumn: Int, columns: Int, shots: Int, labelWidth: Int, labelAbove: Bool, in area: Rect) -> SupportLayout {
        let columnWidth = (area.width - (columns - 1) * gap) / columns
        let rowHeight = max(2, area.height / max(1, perColumn))
        let besideWidth = labelAbove ? 0 : labelWidth
        let across = (columnWidth - besideWidth + gap) / max(1, shots) - gap
        // Beside a two-line label the drawing may take the whole row; above it, the label takes
        // one. A blank row separates classes once there is room for it.
        var down = labelAbove ? rowHeight - 1 : rowHeight
        if rowHeight > 4 { down -= 1 }
        let glyphRows = max(labelAbove ? 0 : 1, min(down, across / 2))
        // Rows the drawings cannot use are not handed out: the blocks stay together (the grid
        // is centred in the panel) instead of drifting apart with blank rows between.
        let needed = max(2, glyphRows + (labelAbove ? 1 : 0)) + (rowHeight > 4 ? 1 : 0)
        return SupportLayout(
            perColumn: perColumn, columnWidth: columnWidth, rowHeight: min(rowHeight, needed), labelWidth: besideWidth, labelAbove: labelAbove,
            glyphColumns: max(2, min(across, 2 * glyphRows)), glyphRows: glyphRows)
    }

    /// The block of class `index` (label and drawings), or nil when it falls below `area`.
    func classArea(_ index: Int, in area: Rect) -> Rect? {
        let column = index / perColumn, row = index % perColumn
        let top = area.y + max(0, (area.height - perColumn * rowHeight) / 2)
        let rect = Rect(x: area.x + column * (columnWidth + Self.gap), y: top + row * rowHeight, width: columnWidth, height: rowHeight)
        return rect.y + 1 < area.bottom ? rect.intersection(area) : nil
    }

    /// Drawing `shot` inside a class block.
    func glyphArea(_ shot: Int, in block: Rect) -> Rect {
        let top = labelAbove ? block.y + 1 : block.y
        return Rect(x: block.x + labelWidth + shot * (glyphColumns + Self.gap), y: top, width: glyphColumns, height: glyphRows)
            .intersection(block)
    }
}
