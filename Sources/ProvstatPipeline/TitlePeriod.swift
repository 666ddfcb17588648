/// A period a title names: "tháng 3", "9 tháng", "quý I", "năm 2023", with the year it carries
/// or shares with the phrases it is joined to ("tháng 3 và quý I năm 2023").
struct TitlePeriod: Equatable, Sendable {
    /// What the period spans.
    enum Span: Equatable, Sendable {
        /// One month: "tháng 3", "tháng Năm", "T3/2023", "03/2023".
        case month(Int)
        /// The months from January: "9 tháng", "6 tháng đầu năm".
        case monthsToDate(Int)
        /// The year's last months: "6 tháng cuối năm" (usually tasks ahead, not figures).
        case lastMonths(Int)
        /// A quarter: "quý I", "quý 3".
        case quarter(Int)
        /// A whole year: "năm 2023" joined to other periods or alone.
        case year
        /// A week: "tuần 2", a different kind of report.
        case week
    }

    var span: Span
    /// The year, when written (or shared by the phrases it is joined to).
    var year: Int?
    /// Tokens the phrase covers, as indices into the title's tokens.
    var tokens: Range<Int>

    /// The month of the year a monthly report covering this period is about: the month itself,
    /// the last month of a year-to-date span, of a quarter or of a year; nil for other spans.
    var endMonth: Int? {
        switch span {
        case .month(let month): month
        case .monthsToDate(let count): count
        case .quarter(let quarter): quarter * 3
        case .year: 12
        case .lastMonths, .week: nil
        }
    }

    /// How the title writes the period, for messages: "tháng 3/2023", "quý 1/2023".
    var label: String {
        let suffix = year.map { "/\($0)" } ?? ""
        switch span {
        case .month(let month): return "tháng \(month)\(suffix)"
        case .monthsToDate(let count): return "\(count) tháng\(suffix)"
        case .lastMonths(let count): return "\(count) tháng cuối năm\(suffix)"
        case .quarter(let quarter): return "quý \(quarter)\(suffix)"
        case .year: return "năm \(year.map(String.init) ?? "?")"
        case .week: return "tuần\(suffix)"
        }
    }
}
