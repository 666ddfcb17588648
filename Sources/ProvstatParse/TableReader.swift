import Foundation
import ProvstatCore
import ProvstatSupport

/// Lays an HTML `<table>` out as a grid, expanding `rowspan` and `colspan`.
enum TableReader {
    /// Largest span honoured; larger values are clamped (HTML allows 1000 columns).
    static let maximumSpan = 100
    /// Largest grid (rows × columns) built; a table that would grow past it is cut off there.
    static let maximumCells = 200_000

    /// The grid of `table`; a nested table's text is read into its cell.
    static func grid<Tree: HTMLTree>(of table: Tree.Node, in tree: Tree) -> TableGrid {
        var rows: [Tree.Node] = []
        collectRows(table, in: tree, into: &rows)

        // grid[row][column] holds text placed there, possibly by a span from an earlier row.
        var grid: [[String?]] = []
        var cells = 0
        var headerRows = 0
        var sawBodyRow = false
        var buffer = CollapsedText()
        // One array of a row's cells, reused row after row.
        var rowCells: [Tree.Node] = []
        // A new row reserves room for the widest row so far (rows are mostly as wide as the last),
        // instead of growing cell by cell; up to a bound, so that one wide row cannot make every
        // row after it large.
        var widest = 0
        func newRow() -> [String?] {
            var row: [String?] = []
            row.reserveCapacity(min(widest, 64))
            return row
        }
        rowLoop: for (rowIndex, row) in rows.enumerated() {
            while grid.count <= rowIndex { grid.append(newRow()) }
            rowCells.removeAll(keepingCapacity: true)
            var child = tree.firstChild(row)
            while let current = child {
                if tree.isElement(current), tree.tag(current).contains(.cell) { rowCells.append(current) }
                child = tree.next(current)
            }
            let isHeader =
                !rowCells.isEmpty
                && (rowCells.allSatisfy { tree.isElement($0, named: "th") }
                    || tree.parent(row).map { tree.isElement($0, named: "thead") } ?? false)
            if isHeader && !sawBodyRow { headerRows = rowIndex + 1 } else { sawBodyRow = true }
            var column = 0
            for cell in rowCells {
                while column < grid[rowIndex].count, grid[rowIndex][column] != nil { column += 1 }
                let text = cellText(cell, in: tree, buffer: &buffer)
                let rowSpan = span(cell, "rowspan", in: tree)
                let colSpan = span(cell, "colspan", in: tree)
                for r in rowIndex..<min(rowIndex + rowSpan, rows.count) {
                    while grid.count <= r { grid.append(newRow()) }
                    for c in column..<(column + colSpan) {
                        if grid[r].count <= c {
                            cells += c + 1 - grid[r].count
                            guard cells <= maximumCells else { break rowLoop }
                            // Mostly one cell: appended one by one, without a generic repeated collection.
                            while grid[r].count <= c { grid[r].append(nil) }
                        }
                        grid[r][c] = text
                    }
                }
                column += colSpan
            }
            widest = max(widest, grid[rowIndex].count)
        }
        let width = grid.reduce(0) { max($0, $1.count) }
        guard width > 0, grid.count * width <= maximumCells else { return TableGrid(rows: [], headerRowCount: 0) }
        var filled: [[String]] = []
        var keptHeaders = 0
        filled.reserveCapacity(grid.count)
        for (index, row) in grid.enumerated() {
            // Rows without text are left out before any array is made for them.
            if row.allSatisfy({ $0?.isEmpty ?? true }) { continue }
            let cells = (0..<width).map { $0 < row.count ? (row[$0] ?? "") : "" }
            filled.append(cells)
            if index < headerRows { keptHeaders += 1 }
        }
        return TableGrid(rows: filled, headerRowCount: keptHeaders)
    }

    // MARK: - Helpers

    private static func collectRows<Tree: HTMLTree>(_ node: Tree.Node, in tree: Tree, into rows: inout [Tree.Node]) {
        var next = tree.firstChild(node)
        while let child = next {
            next = tree.next(child)
            guard tree.isElement(child) else { continue }
            if tree.isElement(child, named: "tr") {
                rows.append(child)
            } else if tree.isElement(child, named: "tbody") || tree.isElement(child, named: "thead")
                || tree.isElement(child, named: "tfoot")
            {
                collectRows(child, in: tree, into: &rows)
            }
        }
    }

    /// A cell's text, whitespace collapsed, in NFC; `<br>` and block elements become spaces,
    /// scripts are left out.
    private static func cellText<Tree: HTMLTree>(
        _ cell: Tree.Node, in tree: Tree, buffer text: inout CollapsedText
    ) -> String {
        text.removeAll()
        DOMWalker.walk(
            tree, cell,
            enter: { node in
                if tree.isText(node) {
                    if let content = tree.content(node) { text.append(cString: content) }
                    return .skip
                }
                guard tree.isElement(node) else { return .skip }
                let tag = tree.tag(node)
                guard !tag.contains(.skipped) else { return .skip }
                if tag.contains(.blockLevel) { text.appendSpace() }
                return .descend
            },
            exit: { _ in })
        let string = text.string
        return text.mayNeedNFC ? NFC.normalise(string) : string
    }

    /// A `rowspan`/`colspan` value, clamped to 1…`maximumSpan`.
    private static func span<Tree: HTMLTree>(_ cell: Tree.Node, _ attribute: StaticString, in tree: Tree) -> Int {
        guard let text = tree.spanText(cell, attribute) else { return 1 }
        let number = plainNumber(text) ?? Int(text.trimmingCharacters(in: .whitespaces)) ?? 1
        return max(1, min(number, maximumSpan))
    }

    /// The number a span of ASCII digits between spaces and tabs spells (what trimming
    /// `.whitespaces` and `Int(_:)` make of it), without Foundation; nil for anything else.
    static func plainNumber(_ text: String) -> Int? {
        var number = 0
        var digits = 0
        var ended = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 {
                ended = digits > 0
            } else if byte >= 0x30, byte <= 0x39, !ended, digits < 9 {
                number = number * 10 + Int(byte - 0x30)
                digits += 1
            } else {
                return nil
            }
        }
        return digits > 0 ? number : nil
    }
}
