/// The period a figure covers, as the report states it.
public struct Period: Codable, Hashable, Sendable {
    /// The shape of the period.
    public enum Span: String, Codable, Sendable {
        /// One month (*tháng 10*).
        case month
        /// From January to the month (*10 tháng*, *lũy kế*).
        case yearToDate = "ytd"
        /// One quarter (*quý I*).
        case quarter
        /// The whole year (*năm 2023*).
        case year
        /// The months left to the end of the year (*6 tháng cuối năm*): `number` is how many. What
        /// is said of them is a plan, never a month's or a year-to-date figure.
        case restOfYear = "rest_of_year"
    }

    /// The shape of the period.
    public var span: Span
    /// The year, when the text names it.
    public var year: Int?
    /// The last month covered (for `month` and `ytd`), or the quarter number (for `quarter`).
    public var number: Int?

    public init(span: Span, year: Int? = nil, number: Int? = nil) {
        self.span = span
        self.year = year
        self.number = number
    }
}
