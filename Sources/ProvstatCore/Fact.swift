import Foundation

/// One statistical figure found on a page, normalised (the contract is `spec/facts.md`).
public struct Fact: Codable, Hashable, Sendable {
    /// The figure in base units: scale words applied, percentages as written, changes signed.
    public var value: Decimal
    /// The canonical unit: `VND`, `USD`, `%`, `t`, `ha`, a rate such as `VND/kg`, or a counted noun.
    public var unit: String
    /// What the figure measures relative to.
    public var kind: FactKind
    /// Whether the figure is hedged (*ước*, *khoảng*, *hơn* …) or sits in an estimate column.
    public var estimate: Bool
    /// The figure as written, with its unit and hedge word.
    public var raw: String
    /// What is measured, as a short phrase from the sentence (a table row's label).
    public var subject: String
    /// The whole sentence (or table row) the figure stands in, NFC.
    public var sentence: String
    /// Offset of `raw` in `sentence`, in Unicode scalars.
    public var start: Int
    /// End offset of `raw` in `sentence`, in Unicode scalars.
    public var end: Int
    /// The period the figure covers, when stated.
    public var period: Period?
    /// Index (in the same fact list) of the total this figure is a component of (*trong đó*).
    public var componentOf: Int?
    /// Index (in the same fact list) of the figure this one restates (*tương đương*).
    public var equivalentOf: Int?
    /// The table cell the figure came from, when it came from a table.
    /// Spelled `Optional<…>`: a `TableCell?` variable starts as nil, so the initialiser assigned it
    /// rather than initialised it, and (for that) built every fact in a temporary, copied it
    /// (retaining each string) and destroyed the temporary.
    public var table: Optional<TableCell>
    /// The number of decimals printed, which sets the rounding tolerance of checks.
    public var decimals: Int?
    /// The power of ten of the unit as printed (`tỷ đồng` 9, a *Triệu USD* column 6): with
    /// `decimals`, the size of the last printed digit in base units.
    public var scale: Int?
    /// Index (in the same fact list) of the figure this percentage or change is about
    /// (*đạt 5.120 tỷ đồng, tăng 9,6%*: the growth is about the amount).
    public var about: Int?

    /// Where in a table a figure stood.
    public struct TableCell: Codable, Hashable, Sendable {
        /// Index of the table on the page, from 0.
        public var table: Int
        /// Row index in the table's grid, from 0.
        public var row: Int
        /// Column index in the table's grid, from 0.
        public var column: Int
        /// The column's header text.
        public var header: String

        public init(table: Int, row: Int, column: Int, header: String) {
            self.table = table
            self.row = row
            self.column = column
            self.header = header
        }
    }

    public init(
        value: Decimal, unit: String, kind: FactKind, estimate: Bool, raw: String, subject: String,
        sentence: String, start: Int, end: Int, period: Period? = nil, componentOf: Int? = nil,
        equivalentOf: Int? = nil, table: TableCell? = nil, decimals: Int? = nil, scale: Int? = nil,
        about: Int? = nil
    ) {
        self.value = value
        self.unit = unit
        self.kind = kind
        self.estimate = estimate
        self.raw = raw
        self.subject = subject
        self.sentence = sentence
        self.start = start
        self.end = end
        self.period = period
        self.componentOf = componentOf
        self.equivalentOf = equivalentOf
        self.table = table
        self.decimals = decimals
        self.scale = scale
        self.about = about
    }

    enum CodingKeys: String, CodingKey {
        case value, unit, kind, estimate, raw, subject, sentence, start, end, period, table, decimals, scale, about
        case componentOf = "component_of"
        case equivalentOf = "equivalent_of"
    }
}
