import ProvstatCore

/// Judges whether a link title is a given month's (or quarter's) report, and how well it fits.
///
/// The title is read by `TitleReading`'s grammar. A monthly source takes, best first: a title
/// naming the month ("tháng 6 và 6 tháng đầu năm 2023"), one naming only the months to date
/// ending with it ("6 tháng đầu năm 2023" is June's), only the quarter ending with it ("quý I
/// năm 2023" is March's), only the year ("năm 2023" is December's). A quarterly source takes a
/// title naming the quarter. Rejected, with the reason: conferences and reviews, publication
/// calendars, plans and tasks, other years, a week's report, a title naming a different month
/// or nothing but the period, and titles lacking the definition's words.
struct MonthTitleMatcher {
    let month: Month
    let quarterly: Bool
    var words = TitleWords(all: [])

    /// What a title is to the month.
    enum Verdict: Equatable, Sendable {
        /// It names neither the month nor a period ending with it.
        case unrelated
        /// It names the month's period but is not its report, for this reason.
        case rejected(String)
        /// It is a report for the month; higher scores fit better (100 and more: the month named).
        case fits(score: Int)

        /// Whether it fits.
        var fits: Bool {
            if case .fits = self { return true }
            return false
        }

        /// Ranks verdicts: a fit above a rejection above unrelated; fits by score.
        var rank: Int {
            switch self {
            case .unrelated: 0
            case .rejected: 1
            case .fits(let score): 2 + score
            }
        }
    }

    /// Scores of the ways a title can name the month.
    static let namedScore = 100
    static let toDateScore = 80
    static let quarterScore = 70
    static let yearScore = 60

    /// Whether `title` names the month (or quarter), ignoring words and decoys.
    func matches(_ title: String) -> Bool {
        fit(TitleReading(title).periods) != nil
    }

    /// The verdict on `title`.
    func judge(_ title: String) -> Verdict {
        judge(TitleReading(title))
    }

    func judge(_ reading: TitleReading) -> Verdict {
        let periods = reading.decoy == nil ? reading.reportPeriods : reading.periods
        let related = periods.filter { relates($0) }
        guard !related.isEmpty else { return .unrelated }
        if let decoy = reading.decoy { return .rejected(decoy.reason) }
        guard let score = fit(periods) else {
            let years = Set(related.compactMap(\.year)).sorted()
            if years.isEmpty { return .rejected("the title gives no year") }
            if !years.contains(month.year) {
                return .rejected("another year's report (\(years.map(String.init).joined(separator: ", ")))")
            }
            let named = periods.map(\.label).joined(separator: ", ")
            return .rejected("a report for a different period (\(named))")
        }
        let missing = words.missing(in: reading)
        if !missing.isEmpty {
            return .rejected("the title lacks the definition's words: \(missing.joined(separator: "; "))")
        }
        if reading.onlyPeriod {
            return .rejected("the title names nothing but the period (an archive or calendar link)")
        }
        var total = score
        if reading.hasReportWords { total += 10 }
        if reading.isSocioEconomic { total += 5 }
        return .fits(score: total)
    }

    /// Whether a period ends with the month (any year): the month, its months to date, its quarter.
    private func relates(_ period: TitlePeriod) -> Bool {
        if quarterly {
            switch period.span {
            case .quarter(let quarter): return quarter == month.quarter
            case .month, .monthsToDate, .year: return period.endMonth == month.quarter * 3
            case .lastMonths, .week: return false
            }
        }
        if case .week = period.span { return false }
        return period.endMonth == month.month
    }

    /// The score of the best way `periods` name the month in its year, or nil when they do not.
    private func fit(_ periods: [TitlePeriod]) -> Int? {
        let inYear = periods.filter { $0.year == month.year }
        // A title naming another month or a week is that period's report, whatever else it joins.
        if !quarterly {
            if periods.contains(where: { if case .week = $0.span { true } else { false } }) { return nil }
            if inYear.contains(where: { if case .month(let other) = $0.span { other != month.month } else { false } }) {
                return nil
            }
        }
        var best: Int? = nil
        for period in inYear where relates(period) {
            let score: Int?
            switch (period.span, quarterly) {
            case (.month, false): score = Self.namedScore
            case (.monthsToDate, false): score = Self.toDateScore
            case (.quarter, false): score = Self.quarterScore
            case (.year, _): score = Self.yearScore
            case (.quarter, true): score = Self.namedScore
            default: score = nil
            }
            if let score { best = max(best ?? score, score) }
        }
        return best
    }
}
