import ProvstatSupport

/// A link title read by a small grammar of Vietnamese report titles: the periods it names
/// (with their years), and the words that say what kind of page it is.
///
/// Grammar (over `TitleToken`s, so case, dashes and spacing do not matter):
///
///     period   := month | toDate | quarter | year | week | bare
///     month    := ("tháng" (1…12 | month word) | "t"·(1…12)·sep·YYYY) [yearTail]
///     toDate   := (1…12) "tháng" ["đầu" "năm" | "cuối" "năm"] [yearTail]
///               | count word "tháng" ("đầu" | "cuối") "năm" [yearTail]
///     quarter  := ("quý" | "quí") (I…IV | 1…4) [yearTail]
///     year     := "năm" YYYY
///     week     := "tuần" [number]
///     bare     := MM sep YYYY            (two-digit month, not part of a date or document number)
///     yearTail := "năm" YYYY | sep YYYY | YYYY        sep := "/" | "-" | "."
///     group    := period (("và" | "," | "&") period)*   — a year written once serves the group
///
/// Month words: một/giêng 1, hai 2, ba 3, tư/bốn 4, năm 5 (so "tháng Năm năm 2023" is May),
/// sáu 6, bảy 7, tám 8, chín 9, mười 10, mười một 11, mười hai/chạp 12. Dates ("ngày 5 tháng
/// 3", "10/01/2023") are not periods; neither is "hàng tháng" (monthly).
struct TitleReading: Sendable {
    let tokens: [TitleToken]
    /// The periods named, in title order.
    let periods: [TitlePeriod]
    /// The periods named before any appended plan ("… tháng 12 và phương hướng năm 2024").
    let reportPeriods: [TitlePeriod]
    /// Why the title is not a report whatever its period says, if it is not.
    let decoy: TitleCue.Decoy?
    /// Whether it uses a report's words (tình hình, báo cáo, thông cáo, số liệu).
    let hasReportWords: Bool
    /// Whether it names the socio-economic situation (kinh tế - xã hội, KT-XH).
    let isSocioEconomic: Bool
    /// Whether every word of the title belongs to a period phrase ("Tháng Mười 2024": an archive link).
    let onlyPeriod: Bool

    init(_ title: String) {
        let tokens = TitleToken.tokens(of: title)
        self.tokens = tokens
        let periods = PeriodParser(tokens: tokens).parse()
        self.periods = periods
        let words = TitleCue.Finder(tokens: tokens)
        let report = words.first(of: TitleCue.report)
        let plan = words.firstPlan()
        hasReportWords = report != nil
        isSocioEconomic = words.first(of: TitleCue.socioEconomic) != nil
        if let event = words.firstMatch(of: TitleCue.events) {
            decoy = .event(event)
        } else if let calendar = words.firstMatch(of: TitleCue.calendars) {
            decoy = .calendar(calendar)
        } else if let plan, report.map({ $0 > plan.index }) ?? true {
            decoy = .plan(plan.phrase)
        } else {
            decoy = nil
        }
        // A report that appends its tasks ahead: the periods after the plan words are the plan's.
        if let plan, decoy == nil {
            reportPeriods = periods.filter { $0.tokens.lowerBound < plan.index }
        } else {
            reportPeriods = periods
        }
        let covered = Set(periods.flatMap { Array($0.tokens) })
        onlyPeriod =
            !periods.isEmpty
            && tokens.indices.allSatisfy { covered.contains($0) || tokens[$0].kind == .mark }
    }
}

/// The period grammar of `TitleReading`, one pass left to right.
private struct PeriodParser {
    let tokens: [TitleToken]

    /// The shared month words, two-word names first so *mười một* is not read as *mười*.
    static let monthWords: [(words: [String], month: Int)] = VietnameseNumberWords.months
        .map { (words: $0.key.split(separator: " ").map(String.init), month: $0.value) }
        .sorted { ($0.words.count, $1.month) > ($1.words.count, $0.month) }
    static let romanQuarters = ["i": 1, "ii": 2, "iii": 3, "iv": 4]
    static let separators: Set<String> = ["/", "-", "."]
    static let conjunctions: Set<String> = ["và", ",", "&"]
    /// Words before "tháng" that make it "monthly", "each month", not a month's name.
    static let notAMonth: Set<String> = ["hàng", "mỗi", "các", "từng", "hằng"]

    func parse() -> [TitlePeriod] {
        var periods: [TitlePeriod] = []
        var groups: [[Int]] = []
        var index = 0
        while index < tokens.count {
            if let skip = date(at: index) {
                index += skip
                continue
            }
            guard let period = period(at: index) else {
                index += 1
                continue
            }
            // Joined to the previous period by one conjunction: the same group (one year for all).
            if let last = periods.last, let group = groups.indices.last,
                period.tokens.lowerBound == last.tokens.upperBound + 1,
                Self.conjunctions.contains(tokens[last.tokens.upperBound].text)
            {
                groups[group].append(periods.count)
            } else {
                groups.append([periods.count])
            }
            periods.append(period)
            index = period.tokens.upperBound
        }
        for group in groups {
            guard let year = group.reversed().compactMap({ periods[$0].year }).first else { continue }
            for member in group where periods[member].year == nil { periods[member].year = year }
        }
        // A period still without a year takes the title's only year, if it has just one.
        let years = Set(periods.compactMap(\.year))
        if years.count == 1, let year = years.first {
            for index in periods.indices where periods[index].year == nil { periods[index].year = year }
        }
        return periods
    }

    // MARK: - Phrases

    private func period(at index: Int) -> TitlePeriod? {
        let token = tokens[index]
        switch token.kind {
        case .word:
            switch token.text {
            case "tháng": return month(at: index)
            case "t": return shortMonth(at: index)
            case "quý", "quí": return quarter(at: index)
            case "năm":
                guard let year = year(at: index + 1) else { return nil }
                return TitlePeriod(span: .year, year: year, tokens: index..<(index + 2))
            case "tuần":
                let end = number(at: index + 1) != nil ? index + 2 : index + 1
                return TitlePeriod(span: .week, year: nil, tokens: index..<end)
            default: return wordsToDate(at: index)
            }
        case .number:
            return monthsToDate(at: index) ?? bareMonth(at: index)
        case .mark:
            return nil
        }
    }

    /// "tháng 3", "tháng 03", "tháng ba", "tháng Mười Một", "tháng Năm năm 2023".
    private func month(at index: Int) -> TitlePeriod? {
        if index > 0, tokens[index - 1].kind == .word, Self.notAMonth.contains(tokens[index - 1].text) { return nil }
        var end = index + 1
        let month: Int
        if let value = number(at: end), (1...12).contains(value), tokens[end].text.count <= 2 {
            month = value
            end += 1
        } else if let word = monthWord(at: end) {
            month = word.month
            end += word.length
        } else {
            return nil
        }
        let tail = yearTail(at: end)
        return TitlePeriod(span: .month(month), year: tail?.year, tokens: index..<(end + (tail?.length ?? 0)))
    }

    /// "T3/2023", "T03-2023": only with a year, and "t" glued to the number.
    private func shortMonth(at index: Int) -> TitlePeriod? {
        guard let value = number(at: index + 1), tokens[index + 1].glued, (1...12).contains(value),
            index + 2 < tokens.count, Self.separators.contains(tokens[index + 2].text),
            let year = year(at: index + 3)
        else { return nil }
        return TitlePeriod(span: .month(value), year: year, tokens: index..<(index + 4))
    }

    /// "9 tháng", "6 tháng đầu năm 2023", "6 tháng cuối năm".
    private func monthsToDate(at index: Int) -> TitlePeriod? {
        guard let count = number(at: index), (1...12).contains(count), tokens[index].text.count <= 2,
            word(at: index + 1) == "tháng", !follows(separatorAt: index)
        else { return nil }
        if index > 0, word(at: index - 1) == "ngày" { return nil }
        var end = index + 2
        var span = TitlePeriod.Span.monthsToDate(count)
        if word(at: end) == "đầu", word(at: end + 1) == "năm" {
            end += 2
        } else if word(at: end) == "cuối", word(at: end + 1) == "năm" {
            end += 2
            span = .lastMonths(count)
        }
        let tail = yearTail(at: end)
        return TitlePeriod(span: span, year: tail?.year, tokens: index..<(end + (tail?.length ?? 0)))
    }

    /// "sáu tháng đầu năm 2023", "chín tháng cuối năm": a count in words, only before "đầu/cuối năm"
    /// (so that "năm tháng", years and months, stays what it is).
    private func wordsToDate(at index: Int) -> TitlePeriod? {
        guard let count = monthWord(at: index), word(at: index + count.length) == "tháng" else { return nil }
        let after = index + count.length + 1
        guard word(at: after) == "đầu" || word(at: after) == "cuối", word(at: after + 1) == "năm" else { return nil }
        let span: TitlePeriod.Span =
            word(at: after) == "đầu" ? .monthsToDate(count.month) : .lastMonths(count.month)
        let tail = yearTail(at: after + 2)
        return TitlePeriod(span: span, year: tail?.year, tokens: index..<(after + 2 + (tail?.length ?? 0)))
    }

    /// "quý I", "quý III/2023", "quý 2 năm 2023" (also spelt "quí").
    private func quarter(at index: Int) -> TitlePeriod? {
        let next = index + 1
        guard next < tokens.count else { return nil }
        let quarter: Int
        if let value = Self.romanQuarters[tokens[next].text], tokens[next].kind == .word {
            quarter = value
        } else if let value = number(at: next), (1...4).contains(value), tokens[next].text.count == 1 {
            quarter = value
        } else {
            return nil
        }
        let tail = yearTail(at: next + 1)
        return TitlePeriod(span: .quarter(quarter), year: tail?.year, tokens: index..<(next + 1 + (tail?.length ?? 0)))
    }

    /// "03/2023" standing alone: two digits, so "đạt 3/2023 chỉ tiêu" is not a month; not the
    /// tail of a date ("10/01/2023") nor a document number ("số 12/2023/QĐ").
    private func bareMonth(at index: Int) -> TitlePeriod? {
        guard let value = number(at: index), tokens[index].text.count == 2, (1...12).contains(value),
            index + 2 < tokens.count, Self.separators.contains(tokens[index + 1].text), tokens[index + 1].glued,
            tokens[index + 2].glued, let year = year(at: index + 2), !follows(separatorAt: index),
            word(at: index - 1) != "số"
        else { return nil }
        if index + 3 < tokens.count, tokens[index + 3].glued, Self.separators.contains(tokens[index + 3].text) {
            return nil
        }
        return TitlePeriod(span: .month(value), year: year, tokens: index..<(index + 3))
    }

    /// The length of a date at `index` ("ngày 5 tháng 3 năm 2023", "10/01/2023", "06/01"), if one starts there.
    private func date(at index: Int) -> Int? {
        if word(at: index) == "ngày", number(at: index + 1) != nil {
            var end = index + 2
            if word(at: end) == "tháng", number(at: end + 1) != nil {
                end += 2
                if let tail = yearTail(at: end) { end += tail.length }
            } else if end + 1 < tokens.count, Self.separators.contains(tokens[end].text), number(at: end + 1) != nil {
                end += 2
                if end + 1 < tokens.count, Self.separators.contains(tokens[end].text), year(at: end + 1) != nil {
                    end += 2
                }
            }
            return end - index
        }
        // d/m/yyyy written without "ngày"
        if let day = number(at: index), (1...31).contains(day), tokens[index].text.count <= 2,
            index + 4 < tokens.count, tokens[index + 1].text == "/", number(at: index + 2) != nil,
            tokens[index + 3].text == "/", year(at: index + 4) != nil
        {
            return 5
        }
        return nil
    }

    // MARK: - Pieces

    private func yearTail(at index: Int) -> (year: Int, length: Int)? {
        guard index < tokens.count else { return nil }
        if word(at: index) == "năm", let year = year(at: index + 1) { return (year, 2) }
        if Self.separators.contains(tokens[index].text), let year = year(at: index + 1) { return (year, 2) }
        if let year = year(at: index) { return (year, 1) }
        return nil
    }

    private func monthWord(at index: Int) -> (month: Int, length: Int)? {
        for (words, month) in Self.monthWords
        where index + words.count <= tokens.count
            && words.indices.allSatisfy({ tokens[index + $0].kind == .word && tokens[index + $0].text == words[$0] })
        {
            return (month, words.count)
        }
        return nil
    }

    private func year(at index: Int) -> Int? {
        guard let value = number(at: index), tokens[index].text.count == 4, (1900...2100).contains(value) else {
            return nil
        }
        return value
    }

    private func number(at index: Int) -> Int? {
        guard index >= 0, index < tokens.count, tokens[index].kind == .number, tokens[index].text.count <= 4 else {
            return nil
        }
        return Int(tokens[index].text)
    }

    private func word(at index: Int) -> String? {
        guard index >= 0, index < tokens.count, tokens[index].kind == .word else { return nil }
        return tokens[index].text
    }

    /// Whether the token at `index` comes right after a glued "/", "-" or "." (the middle of a date).
    private func follows(separatorAt index: Int) -> Bool {
        index > 0 && tokens[index].glued && Self.separators.contains(tokens[index - 1].text)
            && tokens[index - 1].glued
    }
}
