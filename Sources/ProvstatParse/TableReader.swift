import Foundation
import ProvstatCore

/// Lays an HTML `<table>` out as a grid, expanding `rowspan` and `colspan`.
enum TableReader {
    /// The grid of `table`; nested tables are read as their text.
    static func grid(of table: HTMLNode) -> TableGrid {
        var rows: [HTMLNode] = []
        collectRows(table, into: &rows)

        // occupied[row][column] holds text placed by a span from an earlier row.
        var grid: [[String?]] = []
        var headerRows = 0
        var sawBodyRow = false
        for (rowIndex, row) in rows.enumerated() {
            while grid.count <= rowIndex { grid.append([]) }
            let cells = row.children.filter { $0.isElement && ($0.name == "td" || $0.name == "th") }
            let isHeader = !cells.isEmpty && (cells.allSatisfy { $0.name == "th" } || row.parent?.name == "thead")
            if isHeader && !sawBodyRow { headerRows = rowIndex + 1 } else { sawBodyRow = true }
            var column = 0
            for cell in cells {
                while column < grid[rowIndex].count, grid[rowIndex][column] != nil { column += 1 }
                let text = cell.text.collapsingWhitespace().precomposedStringWithCanonicalMapping
                let rowSpan = max(1, min(Int(cell.attribute("rowspan") ?? "") ?? 1, 1000))
                let colSpan = max(1, min(Int(cell.attribute("colspan") ?? "") ?? 1, 1000))
                for r in rowIndex..<(rowIndex + rowSpan) {
                    while grid.count <= r { grid.append([]) }
                    for c in column..<(column + colSpan) {
                        while grid[r].count <= c { grid[r].append(nil) }
                        grid[r][c] = text
                    }
                }
                column += colSpan
            }
        }
        let trimmed = Array(grid.prefix(rows.count))
        let width = trimmed.map(\.count).max() ?? 0
        let filled = trimmed.map { row in (0..<width).map { $0 < row.count ? (row[$0] ?? "") : "" } }
            .filter { !$0.allSatisfy(\.isEmpty) }
        return TableGrid(rows: filled, headerRowCount: min(headerRows, filled.count))
    }

    private static func collectRows(_ node: HTMLNode, into rows: inout [HTMLNode]) {
        for child in node.children where child.isElement {
            switch child.name {
            case "tr": rows.append(child)
            case "thead", "tbody", "tfoot": collectRows(child, into: &rows)
            default: break
            }
        }
    }
}
