internal import CLibXML2
import Foundation
import ProvstatCore
import ProvstatSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lays an HTML `<table>` out as a grid, expanding `rowspan` and `colspan`.
enum TableReader {
    /// Largest span honoured; larger values are clamped (HTML allows 1000 columns).
    static let maximumSpan = 100
    /// Largest grid (rows × columns) built; a table that would grow past it is cut off there.
    static let maximumCells = 200_000

    /// The grid of `table`; a nested table's text is read into its cell.
    static func grid(of table: xmlNodePtr) -> TableGrid {
        var rows: [xmlNodePtr] = []
        collectRows(table, into: &rows)

        // grid[row][column] holds text placed there, possibly by a span from an earlier row.
        var grid: [[String?]] = []
        var cells = 0
        var headerRows = 0
        var sawBodyRow = false
        var buffer = CollapsedText()
        rowLoop: for (rowIndex, row) in rows.enumerated() {
            while grid.count <= rowIndex { grid.append([]) }
            let rowCells = children(of: row).filter { ElementTag.of($0).contains(.cell) }
            let isHeader =
                !rowCells.isEmpty
                && (rowCells.allSatisfy { DOMWalker.isElement($0, named: "th") }
                    || row.pointee.parent.map { DOMWalker.isElement($0, named: "thead") } ?? false)
            if isHeader && !sawBodyRow { headerRows = rowIndex + 1 } else { sawBodyRow = true }
            var column = 0
            for cell in rowCells {
                while column < grid[rowIndex].count, grid[rowIndex][column] != nil { column += 1 }
                let text = cellText(cell, buffer: &buffer)
                let rowSpan = span(cell, "rowspan")
                let colSpan = span(cell, "colspan")
                for r in rowIndex..<min(rowIndex + rowSpan, rows.count) {
                    while grid.count <= r { grid.append([]) }
                    for c in column..<(column + colSpan) {
                        if grid[r].count <= c {
                            cells += c + 1 - grid[r].count
                            guard cells <= maximumCells else { break rowLoop }
                            grid[r].append(contentsOf: repeatElement(nil, count: c + 1 - grid[r].count))
                        }
                        grid[r][c] = text
                    }
                }
                column += colSpan
            }
        }
        let width = grid.map(\.count).max() ?? 0
        guard width > 0, grid.count * width <= maximumCells else { return TableGrid(rows: [], headerRowCount: 0) }
        var filled: [[String]] = []
        var keptHeaders = 0
        for (index, row) in grid.enumerated() {
            let cells = (0..<width).map { $0 < row.count ? (row[$0] ?? "") : "" }
            if cells.allSatisfy(\.isEmpty) { continue }
            filled.append(cells)
            if index < headerRows { keptHeaders += 1 }
        }
        return TableGrid(rows: filled, headerRowCount: keptHeaders)
    }

    // MARK: - Helpers

    private static func collectRows(_ node: xmlNodePtr, into rows: inout [xmlNodePtr]) {
        for child in children(of: node) {
            if DOMWalker.isElement(child, named: "tr") {
                rows.append(child)
            } else if DOMWalker.isElement(child, named: "tbody") || DOMWalker.isElement(child, named: "thead")
                || DOMWalker.isElement(child, named: "tfoot")
            {
                collectRows(child, into: &rows)
            }
        }
    }

    /// The element children of `node`.
    private static func children(of node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    /// A cell's text, whitespace collapsed, in NFC; `<br>` and block elements become spaces,
    /// scripts are left out.
    private static func cellText(_ cell: xmlNodePtr, buffer text: inout CollapsedText) -> String {
        text.removeAll()
        DOMWalker.walk(
            cell,
            enter: { node in
                if DOMWalker.isText(node) {
                    if let content = node.pointee.content { text.append(cString: content) }
                    return .skip
                }
                guard node.pointee.type == XML_ELEMENT_NODE else { return .skip }
                let tag = ElementTag.of(node)
                guard !tag.contains(.skipped) else { return .skip }
                if tag.contains(.blockLevel) { text.appendSpace() }
                return .descend
            },
            exit: { _ in })
        let string = text.string
        return text.mayNeedNFC ? NFC.normalise(string) : string
    }

    /// A `rowspan`/`colspan` value, clamped to 1…`maximumSpan`.
    private static func span(_ cell: xmlNodePtr, _ attribute: StaticString) -> Int {
        // Attributes are read in place: most cells have none, and allocating for each is slow.
        var property = cell.pointee.properties
        while let current = property {
            if let name = current.pointee.name,
                strcasecmp(
                    UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self),
                    UnsafeRawPointer(attribute.utf8Start).assumingMemoryBound(to: CChar.self)) == 0,
                let text = current.pointee.children?.pointee.content
            {
                let number = Int(String(cString: text).trimmingCharacters(in: .whitespaces)) ?? 1
                return max(1, min(number, maximumSpan))
            }
            property = current.pointee.next
        }
        return 1
    }
}
