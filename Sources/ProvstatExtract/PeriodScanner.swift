import ProvstatCore
import ProvstatSupport

/// Finds the periods a sentence names (*tháng 10*, *10 tháng*, *lũy kế*, *quý III*, *năm 2023*).
struct PeriodScanner {
    /// A period named at a token position.
    struct Mention: Sendable {
        /// The first token of the mention.
        let index: Int
        let period: Period
        /// Months after the report month, for a month named relative to it (*tháng tới*: 1).
        var monthsAhead: Int? = nil
        /// Token index after the mention.
        var end: Int? = nil
    }

    private static let thang = WordKey.of("tháng")
    private static let quy = WordKey.of("quý")
    private static let nam = WordKey.of("năm")
    private static let ca = WordKey.of("cả")

    private static let romanQuarters: [String: Int] = ["i": 1, "ii": 2, "iii": 3, "iv": 4]
    private static let yearToDateWords = PhraseTable(phrases: [
        "lũy kế", "luỹ kế", "cộng dồn", "từ đầu năm", "tính chung",
    ])

    /// Words before a month that make it the end of a year-to-date (*lũy kế đến hết tháng 9*).
    private static let untilWords = PhraseTable(phrases: [
        "đến hết", "tới hết", "đến cuối", "tới cuối", "hết", "đến", "tới", "tính đến", "tính tới", "tính đến hết",
    ])

    /// The current month without its number (*trong tháng*, *tháng này*), and the next one.
    private static let thisMonthWords = PhraseTable(phrases: ["trong tháng", "tháng này", "riêng tháng này"])
    private static let nextMonthWords = PhraseTable(phrases: ["tháng tới", "tháng sau", "tháng kế tiếp"])

    /// The words a mention can start with (a number may start one too): other tokens are passed
    /// over without trying each kind of mention.
    private static let startKeys = KeyTable(
        ([thang, quy, nam, ca, WordKey.of("ngày")] + nextMonthWords.firstKeys + thisMonthWords.firstKeys
            + yearToDateWords.firstKeys + Lexicon.numberWords.keys.map { WordKey.of($0) }).map { ($0, true) })

    /// The keys and tables a scan asks about at every token that may start a mention, in one
    /// object fetched once per scan: a static is checked for its one-time set-up at every use.
    private final class Words: Sendable {
        let thang = PeriodScanner.thang
        let quy = PeriodScanner.quy
        let nam = PeriodScanner.nam
        let ca = PeriodScanner.ca
        let startKeys = PeriodScanner.startKeys
        let untilWords = PeriodScanner.untilWords
        let thisMonthWords = PeriodScanner.thisMonthWords
        let nextMonthWords = PeriodScanner.nextMonthWords
        let yearToDateWords = PeriodScanner.yearToDateWords
        let numberWords = Lexicon.numberWordKeys

        static let shared = Words()
    }

    let matcher: TokenMatcher

    /// The mentions in reading order, with the year and month left empty where the text omits them.
    func mentions() -> [Mention] {
        let tokens = matcher.tokens
        var result: [Mention] = []
        var index = 0
        let words = Words.shared
        let startKeys = words.startKeys
        while index < tokens.count {
            let key = tokens[index].key
            if tokens[index].isNumber {
                // A number starts a mention only as a count of months (*6 tháng*): every other kind
                // starts with a word, and is not looked for here. (*tháng* after it is asked first,
                // in place: most numbers count no months.)
                if matcher.key(index + 1) == words.thang,
                    let length = monthCount(at: index, words: words, into: &result)
                {
                    index += length
                } else {
                    index += 1
                }
                continue
            }
            // Symbols start no mention: only words are looked up.
            guard tokens[index].isWord, startKeys.contains(key) else {
                index += 1
                continue
            }
            if key == words.thang, let month = monthNumber(at: index + 1, thang: words.thang) {
                let (year, length) = year(after: index + 2)
                // *đến hết tháng 9*, *tính đến tháng 9*: the months up to the 9th, not the 9th alone.
                let until = words.untilWords.longest(in: matcher, endingAt: index - 1) != nil
                let span: Period.Span = until ? .yearToDate : .month
                let length2 = monthWordLength(at: index + 1)
                result.append(
                    Mention(
                        index: index, period: Period(span: span, year: year, number: month),
                        end: index + 2 + length + length2))
                index += 2 + length + length2
                continue
            }
            if let phrase = words.nextMonthWords.longest(in: matcher, at: index) {
                result.append(
                    Mention(
                        index: index, period: Period(span: .month), monthsAhead: 1, end: index + phrase.length))
                index += phrase.length
                continue
            }
            if let phrase = words.thisMonthWords.longest(in: matcher, at: index),
                monthNumber(at: index + phrase.length) == nil
            {
                result.append(Mention(index: index, period: Period(span: .month), end: index + phrase.length))
                index += phrase.length
                continue
            }
            // *tính đến ngày 30/9/2023*: the year to date.
            if matcher.lowerIs(index, "ngày"), let date = dateMonth(at: index + 1),
                words.untilWords.longest(in: matcher, endingAt: index - 1) != nil
            {
                result.append(
                    Mention(
                        index: index, period: Period(span: .yearToDate, year: date.year, number: date.month),
                        end: date.end))
                index = date.end
                continue
            }
            // *Mười tháng đầu năm 2024*, *Mười một tháng*: the months counted in words.
            if tokens[index].isWord, matcher.key(index - 1) != words.thang,
                let count = wordCount(at: index, words: words)
            {
                // *sáu tháng cuối năm*: the months left, as with digits.
                let restOfYear = matcher.lowerIs(count.end + 1, "cuối") && matcher.lowerIs(count.end + 2, "năm")
                let after = count.end + (restOfYear ? 3 : 1)
                let (year, length) = year(after: after)
                result.append(
                    Mention(
                        index: index,
                        period: Period(span: restOfYear ? .restOfYear : .yearToDate, year: year, number: count.months)))
                index = after + length
                continue
            }
            if key == words.quy, index + 1 < tokens.count {
                let next = tokens[index + 1]
                let quarter =
                    Self.romanQuarters[matcher.lower(index + 1)]
                    ?? (next.isNumber ? matcher.integer(index + 1).flatMap { (1...4).contains($0) ? $0 : nil } : nil)
                if let quarter {
                    let (year, length) = year(after: index + 2)
                    result.append(Mention(index: index, period: Period(span: .quarter, year: year, number: quarter)))
                    index += 2 + length
                    continue
                }
            }
            if key == words.nam, index + 1 < tokens.count, let year = yearNumber(at: index + 1),
                !matcher.lowerIs(index - 1, "học")
            {
                result.append(Mention(index: index, period: Period(span: .year, year: year)))
                index += 2
                continue
            }
            if key == words.ca, matcher.key(index + 1) == words.nam {
                result.append(Mention(index: index, period: Period(span: .year, year: yearNumber(at: index + 2))))
                index += 2
                continue
            }
            if let length = words.yearToDateWords.longest(in: matcher, at: index)?.length {
                result.append(Mention(index: index, period: Period(span: .yearToDate)))
                index += length
                continue
            }
            index += 1
        }
        return result
    }

    /// A count of months in digits at the number token `index` (*6 tháng*, *6 tháng cuối năm*),
    /// appended to `result`: how many tokens it takes, or nil when there is none.
    private func monthCount(at index: Int, words: Words, into result: inout [Mention]) -> Int? {
        guard matcher.key(index + 1) == words.thang, let months = monthNumber(at: index, thang: words.thang),
            matcher.key(index - 1) != words.thang
        else { return nil }
        // *6 tháng cuối năm*: the months left, not those gone by.
        if matcher.lowerIs(index + 2, "cuối"), matcher.lowerIs(index + 3, "năm") {
            let (year, length) = year(after: index + 4)
            result.append(Mention(index: index, period: Period(span: .restOfYear, year: year, number: months)))
            return 4 + length
        }
        let (year, length) = year(after: index + 2)
        result.append(Mention(index: index, period: Period(span: .yearToDate, year: year, number: months)))
        return 2 + length
    }

    /// Month names written in words after *tháng* (*tháng Mười*, *tháng Giêng*); one word here,
    /// *mười một* and *mười hai* are read below.
    private static let monthWords = VietnameseNumberWords.months

    /// `mentions` with the page's report month and year filled in where the text left them out.
    static func filled(_ mentions: [Mention], month: Int?, year: Int?) -> [Mention] {
        mentions.map { mention in
            var period = mention.period
            if period.year == nil { period.year = year }
            if period.span == .yearToDate || period.span == .month, period.number == nil, let month {
                let ahead = month + (mention.monthsAhead ?? 0)
                period.number = (ahead - 1) % 12 + 1
                if ahead > 12, let year = period.year { period.year = year + 1 }
            }
            return Mention(index: mention.index, period: period, monthsAhead: mention.monthsAhead, end: mention.end)
        }
    }

    /// How many more tokens a month written in two words takes (*tháng Mười Một*): 1, else 0.
    private func monthWordLength(at index: Int) -> Int {
        guard matcher.lowerIs(index, "mười"), matcher.lowerIs(index + 1, "một") || matcher.lowerIs(index + 1, "hai")
        else {
            return 0
        }
        return 1
    }

    /// The month and year of a date written `30/9/2023` or `30/9` at `index`.
    private func dateMonth(at index: Int) -> (month: Int, year: Int?, end: Int)? {
        guard index < matcher.tokens.count, matcher.tokens[index].isNumber, matcher.isSymbol(index + 1, "/"),
            let month = monthNumber(at: index + 2)
        else { return nil }
        if matcher.isSymbol(index + 3, "/"), let year = yearNumber(at: index + 4) { return (month, year, index + 5) }
        return (month, nil, index + 3)
    }

    /// A count of months written in words at `index` and followed by *tháng* (*Chín tháng*,
    /// *mười một tháng*), from two up: how many, and the index of *tháng*.
    private func wordCount(at index: Int, words: Words) -> (months: Int, end: Int)? {
        // Told by word key: this is asked at every *năm* of a page.
        guard matcher.tokens[index].isWord, var months = words.numberWords[matcher.tokens[index].key], months >= 2
        else { return nil }
        var end = index + 1
        // *mười một*, *mười hai*: the tens and the unit.
        if months == 10, end < matcher.tokens.count, matcher.tokens[end].isWord,
            let unit = words.numberWords[matcher.tokens[end].key], unit < 3, matcher.key(end + 1) == words.thang
        {
            months += unit
            end += 1
        }
        guard months <= 12, matcher.key(end) == words.thang else { return nil }
        return (months, end)
    }

    /// The month written at `index` (1 to 12, in digits or words), if any (`thang` is the key of
    /// *tháng*, passed in by a scan that has it at hand).
    func monthNumber(at index: Int, thang: UInt64 = Self.thang) -> Int? {
        if index >= 0, index < matcher.tokens.count, matcher.tokens[index].isWord, matcher.key(index - 1) == thang,
            var month = Self.monthWords[matcher.lower(index)],
            !(month == 5 && index + 1 < matcher.tokens.count && matcher.tokens[index + 1].isNumber)
        {
            if month == 10, matcher.lowerIs(index + 1, "một") { month = 11 }
            if month == 10, matcher.lowerIs(index + 1, "hai") { month = 12 }
            return month
        }
        guard index >= 0, index < matcher.tokens.count, matcher.tokens[index].isNumber,
            let value = matcher.integer(index), (1...12).contains(value)
        else { return nil }
        return value
    }

    /// A year written at `index` (four digits from 1900 to 2100).
    func yearNumber(at index: Int) -> Int? {
        guard index >= 0, index < matcher.tokens.count, matcher.tokens[index].isNumber,
            matcher.tokens[index].utf8Count == 4, let value = matcher.integer(index),
            (1900...2100).contains(value)
        else { return nil }
        return value
    }

    /// The year after a month (`/2023`, `năm 2023`), if any, and how many tokens it takes.
    private func year(after index: Int) -> (Int?, Int) {
        if matcher.isSymbol(index, "/") || matcher.lowerIs(index, "năm"), let year = yearNumber(at: index + 1) {
            return (year, 2)
        }
        // *10 tháng đầu năm 2024*: the months from the start of that year.
        if matcher.lowerIs(index, "đầu"), matcher.lowerIs(index + 1, "năm") {
            if let year = yearNumber(at: index + 2) { return (year, 3) }
            return (nil, 2)
        }
        return (nil, 0)
    }
}
