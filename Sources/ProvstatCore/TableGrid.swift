/// A table as a rectangular grid: a cell spanning several rows or columns is repeated in each.
public struct TableGrid: Hashable, Sendable {
    /// Rows of cell texts (NFC, whitespace collapsed); every row has the same length.
    public var rows: [[String]]
    /// How many leading rows are headers (from `<th>`/`<thead>` or detected).
    public var headerRowCount: Int

    public init(rows: [[String]], headerRowCount: Int) {
        self.rows = rows
        self.headerRowCount = headerRowCount
    }
}
