/// Finds the figures of a sentence: numbers (or written-out numbers) with a unit, ranges joined,
/// and non-facts (dates, document numbers, ordinals, phone numbers, codes, periods) left out.
struct FigureFinder {
    let matcher: TokenMatcher
    let style: NumberStyle
    /// The word tables asked about at every figure (fetched once, not one static at a time).
    let tables: ReadingTables
    /// The unit reader asked at every number: made once, not once a number (making one retains
    /// the sentence's tokens, text and tables).
    private let units: UnitReader

    init(matcher: TokenMatcher, style: NumberStyle, tables: ReadingTables = .shared) {
        self.matcher = matcher
        self.style = style
        self.tables = tables
        units = UnitReader(matcher: matcher, tables: tables)
    }

    static let rangeConnectors: WordSet = ["-", "–", "—", "~", "đến", "tới"]

    /// Words that make *số* a quantity noun rather than *number (identifier)*.
    static let quantityBeforeSo: WordSet = [
        "tổng", "doanh", "dân", "chỉ", "con", "hệ", "điểm", "sĩ", "trong",
    ]

    /// Largest value a number may take after a word of time for it to be a period (*tháng 10*).
    static let periodLimits = KeyTable(
        [
            "tháng": UInt64(12), "ngày": 31, "quý": 4, "tuần": 53, "năm": 2100, "vụ": 9, "mùa": 9, "kỳ": 99,
            "đợt": 99, "khóa": 99, "khoá": 99,
        ].map { (WordKey.of($0.key), $0.value) })

    /// Symbols that glue a number into a code when written between it and a word (`ST-24`).
    static let codeGlue: WordSet = ["/", ".", "-", "_", "#", "°"]
    /// Symbols that join the parts of a date or code (`11/11/2022`, `173/KH-UBND`).
    static let dateGlue: WordSet = ["/", "-", "."]
    /// The units after tens written out: *mốt* is one, *lăm* five, *tư* four.
    static let unitWords = KeyTable(
        [("mốt", UInt64(1)), ("lăm", 5), ("tư", 4)].map { (WordKey.of($0.0), $0.1) })

    /// The figures in reading order.
    func figures() -> [Figure] {
        let tokens = matcher.tokens
        let numberWords = tables.numberWordKeys
        var found: [Figure] = []
        found.reserveCapacity(4)
        var index = 0
        while index < tokens.count {
            if tokens[index].isNumber {
                let (figure, next) = number(at: index)
                if let figure { found.append(figure) }
                index = max(next, index + 1)
            } else if tokens[index].isWord, numberWords.contains(tokens[index].key) {
                let (figure, next) = writtenNumber(at: index)
                if let figure { found.append(figure) }
                index = max(next, index + 1)
            } else {
                index += 1
            }
        }
        joinRanges(&found)
        return found
    }

    static let so = WordKey.of("số")
    static let emptyKey = WordKey.of("")

    // MARK: - Numbers written in digits

    /// The figure at number token `index` (or nil), and where to continue.
    private func number(at index: Int) -> (Figure?, Int) {
        let tokens = matcher.tokens
        let other: NumberStyle = style == .vietnamese ? .english : .vietnamese
        guard let numeral = matcher.numeral(index, style: style) ?? matcher.numeral(index, style: other),
            !numeral.leadingZero
        else { return (nil, index + 1) }
        if isPartOfCode(index) || isIdentifier(index, numeral: numeral) { return (nil, skipDate(index)) }
        // Figures are never written back to back: `1900 1234` or `0277 3851 234` is a phone number.
        if index > 0, tokens[index - 1].isNumber, tokens[index].spaceBefore { return (nil, index + 1) }
        // *107 nghìn 700 tỷ đồng*, *2 nghìn 500 tấn*: thousands, then the hundreds, of what follows.
        if numeral.decimals == 0, matcher.lowerIs(index + 1, "nghìn") || matcher.lowerIs(index + 1, "ngàn"),
            index + 2 < tokens.count, tokens[index + 2].isNumber, tokens[index + 2].spaceBefore,
            let rest = matcher.numeral(index + 2, style: style), rest.decimals == 0, rest.mantissa < 1000,
            case .unit(let unit) = units.read(from: index + 3, allowGuess: false)
        {
            var figure = Figure(
                start: index, numberEnd: index + 3, numeral: Numeral(whole: numeral.mantissa * 1000 + rest.mantissa),
                unit: unit)
            figure.sign = sign(before: index)
            return (figure, unit.end)
        }
        var numberEnd = index + 1
        // `23/27 ngành` is a count with its denominator; `11/11/2022` and `2/9` are dates.
        if matcher.isSymbol(index + 1, "/"), !tokens[index + 1].spaceBefore, index + 2 < tokens.count,
            tokens[index + 2].isNumber, !tokens[index + 2].spaceBefore
        {
            if matcher.isSymbol(index + 3, "/") || matcher.isSymbol(index + 3, "-") { return (nil, skipDate(index)) }
            numberEnd = index + 3
            guard
                case .unit(let unit) = units.read(
                    from: numberEnd, allowGuess: false),
                unit.unit != "%"
            else { return (nil, numberEnd) }
            return (Figure(start: index, numberEnd: numberEnd, numeral: numeral, unit: unit), unit.end)
        }
        if matcher.isSymbol(index + 1, ":"), !tokens[index + 1].spaceBefore, index + 2 < tokens.count,
            tokens[index + 2].isNumber
        {
            return (nil, index + 3)
        }
        if matcher.isSymbol(index + 1, "-"), !tokens[index + 1].spaceBefore, index + 2 < tokens.count,
            tokens[index + 2].isWord, !tokens[index + 2].spaceBefore
        {
            return (nil, index + 3)
        }
        let glued = index + 1 < tokens.count && tokens[index + 1].isWord && !tokens[index + 1].spaceBefore
        var figure = Figure(start: index, numberEnd: numberEnd, numeral: numeral, unit: nil)
        figure.sign = sign(before: index)
        let allowGuess = !glued && !numeral.looksLikeYear
        switch units.read(from: numberEnd, allowGuess: allowGuess, unlessCapitalised: index - 1) {
        case .unit(let unit):
            // A rice grade (*5% tấm*).
            if UnitReader.unit(unit.unit, is: "%"), matcher.lowerIs(unit.end, "tấm") { return (nil, unit.end + 1) }
            // A count is whole: `1,500 lao động` on a Vietnamese-style page is fifteen hundred.
            if unit.isCountedNoun, unit.exponent == 0, numeral.decimals > 0,
                let whole = matcher.numeral(index, style: other), whole.decimals == 0
            {
                figure.numeral = whole
            }
            figure.unit =
                UnitReader.unit(unit.unit, is: "times") && !isRatio(index, numeral: numeral, after: unit.end)
                ? occasions(unit) : unit
            return (figure, unit.end)
        case .miss(.none):
            return glued ? (nil, numberEnd + 1) : (figure, numberEnd)
        case .miss:
            return (nil, numberEnd + 1)
        }
    }

    /// Words before a number of *lần* that make it a multiple (*gấp 3 lần*, *tăng hơn 2 lần*, *cao hơn 3 lần*).
    static let multipleWords: WordSet = [
        "gấp", "tăng", "giảm", "bằng", "hơn", "cao", "thấp", "lớn", "nhỏ", "nhiều", "lên", "xấp", "xỉ",
    ]

    /// Whether *N lần* is a multiple rather than a count of occasions (*12 lần kiểm tra*).
    ///
    /// A multiple has a fraction, a comparing word before it or a base after it.
    private func isRatio(_ index: Int, numeral: Numeral, after end: Int) -> Bool {
        if numeral.decimals > 0 { return true }
        var before = index - 1
        while before >= 0, matcher.tokens[before].isWord,
            tables.phraseWords.contains(key: matcher.tokens[before].key)
                || tables.multipleWords.contains(key: matcher.tokens[before].key)
        {
            if tables.multipleWords.contains(key: matcher.tokens[before].key) { return true }
            before -= 1
        }
        // (Outside the sentence `lower` is empty: a figure at the end is a multiple.)
        return matcher.lowerIs(end, "so") || matcher.lowerIs(end, "cùng") || end < 0 || end >= matcher.tokens.count
            || !matcher.tokens[end].isWord
    }

    /// *lần* read as a counted noun: how many times something was done.
    private func occasions(_ unit: UnitReader.Match) -> UnitReader.Match {
        var count = unit
        count.unit = "lần"
        count.isCountedNoun = true
        return count
    }

    /// Whether the number is glued into a code (`ST24`, `15-CT`, `NĐ-CP`).
    private func isPartOfCode(_ index: Int) -> Bool {
        let tokens = matcher.tokens
        guard index > 0, !tokens[index].spaceBefore else { return false }
        if tokens[index - 1].isWord { return !Tokenizer.isGluedVerb(tokens[index - 1]) }
        if tokens[index - 1].kind == .symbol, tables.codeGlue.contains(key: tokens[index - 1].key),
            !tokens[index - 1].spaceBefore,
            index >= 2, tokens[index - 2].isWord || (tokens[index - 2].isNumber && !matcher.isSymbol(index - 1, "-"))
        {
            return true
        }
        return false
    }

    /// Whether a word before the number makes it an identifier, ordinal or period.
    private func isIdentifier(_ index: Int, numeral: Numeral) -> Bool {
        // Words are compared by key; outside the sentence a word is "" (`WordKey.of("")`).
        let one = index >= 1 ? matcher.tokens[index - 1].key : tables.emptyKey
        // `số 85` is an address or document number; `tổng số`, `doanh số`, `dân số` are quantities.
        if one == tables.so {
            return !(index >= 2 && tables.quantityBeforeSo.contains(key: matcher.tokens[index - 2].key))
        }
        if let limit = tables.periodLimits[one] {
            // *từ đầu năm 1.240 ca*: a year or month number is never written with a thousands dot.
            return numeral.decimals == 0 && numeral.ungrouped && numeral.mantissa <= limit
                && matcher.tokens[index].spaceBefore
        }
        if index > 0 && tables.identifierWords.contains(key: matcher.tokens[index - 1].key) { return true }
        // The two words before it (*lần thứ*, *quốc lộ*), hashed as `lower(index - 2) + " " + lower(index - 1)`.
        let first = index >= 2 ? matcher.tokens[index - 2].key : tables.emptyKey
        return tables.identifierWords.contains(key: matcher.key(first, then: index - 1))
    }

    /// The index after a date or code that starts at `index` (`11/11/2022`, `173/KH-UBND`).
    private func skipDate(_ index: Int) -> Int {
        let tokens = matcher.tokens
        var next = index + 1
        while next + 1 < tokens.count, tokens[next].kind == .symbol, tables.dateGlue.contains(key: tokens[next].key),
            !tokens[next].spaceBefore, !tokens[next + 1].spaceBefore
        {
            next += 2
        }
        return next
    }

    /// A `+` or `-` written right before a number (not a range's dash).
    private func sign(before index: Int) -> Figure.Sign {
        let tokens = matcher.tokens
        guard index > 0, !tokens[index].spaceBefore, tokens[index - 1].kind == .symbol else { return .none }
        // The symbol told by its key, the tokens read in place: no string or token is copied.
        if matcher.isSymbol(index - 1, "+") { return .plus }
        guard matcher.isSymbol(index - 1, "-") || matcher.isSymbol(index - 1, "−") else { return .none }
        // `10-15%` is a range and `CT-15` a code, not a negative number.
        if index >= 2, tokens[index - 2].isNumber || (tokens[index - 2].isWord && !tokens[index - 1].spaceBefore) {
            return .none
        }
        return .minus
    }

    // MARK: - Numbers written out in words

    /// A written-out number with a known unit (*ba dự án*, *hai nghìn lao động*).
    private func writtenNumber(at index: Int) -> (Figure?, Int) {
        let tokens = matcher.tokens
        guard !matcher.isCapitalised(index) || index == 0,
            !tables.identifierWords.contains(key: index >= 1 ? tokens[index - 1].key : tables.emptyKey),
            !matcher.lowerIs(index - 1, "thứ"), !matcher.lowerIs(index - 1, "đầu")
        else { return (nil, index + 1) }
        guard let (value, end) = wordsValue(from: index) else { return (nil, index + 1) }
        guard case .unit(let unit) = units.read(from: end, allowGuess: false),
            unit.unit != "%", unit.unit != "times", unit.unit != "pp", !(unit.isCountedNoun && unit.isGuessed)
        else { return (nil, end) }
        return (Figure(start: index, numberEnd: end, numeral: Numeral(whole: value), unit: unit), unit.end)
    }

    /// The value of the written-out number (below a thousand) starting at `index`, and its end.
    ///
    /// *Một trăm hai mươi lăm* is 125, *ba trăm lẻ năm* 305, *hai mươi mốt* 21; scale words after
    /// it are read with the unit (*hai trăm nghìn con*).
    private func wordsValue(from index: Int) -> (UInt64, Int)? {
        let tensOrHundreds = matcher.lowerIs(index + 1, "trăm") || matcher.lowerIs(index + 1, "mươi")
        // *năm* is mostly "year" and *một* mostly an article (*một doanh nghiệp*): *năm* starts a number
        // only before *trăm* or *mươi*, *một* also before a scale word (*một triệu lượt khách*).
        if matcher.lowerIs(index, "năm") { guard tensOrHundreds else { return nil } }
        if matcher.lowerIs(index, "một") {
            guard tensOrHundreds || tables.scales.longest(in: matcher, at: index + 1) != nil else { return nil }
        }
        // *tư* is mostly part of *đầu tư*.
        guard !matcher.lowerIs(index, "tư"), !matcher.lowerIs(index, "lăm"), !matcher.lowerIs(index, "mốt") else {
            return nil
        }
        var value: UInt64 = 0
        var end = index
        if let digit = wordDigit(at: end), matcher.lowerIs(end + 1, "trăm") {
            value = digit * 100
            end += 2
            if matcher.lowerIs(end, "lẻ") || matcher.lowerIs(end, "linh"), let unit = wordDigit(at: end + 1), unit < 10
            {
                return (value + unit, end + 2)
            }
        }
        if matcher.lowerIs(end, "mười") {
            value += 10
            end += 1
        } else if let digit = wordDigit(at: end), digit < 10, matcher.lowerIs(end + 1, "mươi") {
            value += digit * 10
            end += 2
        } else if value == 0, let digit = wordDigit(at: end) {
            return (digit, end + 1)
        } else {
            return value == 0 ? nil : (value, end)
        }
        // The unit after tens: *mốt* is one and *lăm* five (*hai mươi mốt*, *mười lăm*).
        if let unit = tables.unitWords[matcher.key(end)] ?? wordDigit(at: end), unit >= 1, unit < 10 {
            value += unit
            end += 1
        }
        return (value, end)
    }

    /// The digit written out as the word at `index`.
    private func wordDigit(at index: Int) -> UInt64? {
        guard index >= 0, index < matcher.tokens.count, matcher.tokens[index].isWord,
            let digit = tables.numberWordKeys[matcher.tokens[index].key]
        else {
            return nil
        }
        return UInt64(digit)
    }

    // MARK: - Ranges

    /// Joins `10 - 15%` and `từ 50 đến 60 nghìn tấn`: the low end takes the high end's unit.
    ///
    /// Done in place: the figures kept are moved to the front (swapped, not copied: a copy of a
    /// figure retains its unit's text) and the rest dropped.
    private func joinRanges(_ figures: inout [Figure]) {
        var kept = 0
        var index = 0
        while index < figures.count {
            let end = figures[index].end
            if index + 1 < figures.count, tables.rangeConnectors.contains(key: matcher.key(end)),
                figures[index + 1].start == end + 1, figures[index + 1].unit != nil
            {
                if figures[index].unit == nil {
                    figures[index].unit = figures[index + 1].unit
                    figures[index].isRangeLow = true
                }
                if figures[index].unit?.unit == figures[index + 1].unit?.unit {
                    figures[index + 1].rangeLow = kept
                    figures.swapAt(kept, index)
                    figures.swapAt(kept + 1, index + 1)
                    kept += 2
                    index += 2
                    continue
                }
            }
            if figures[index].unit != nil {
                figures.swapAt(kept, index)
                kept += 1
            }
            index += 1
        }
        figures.removeSubrange(kept...)
    }
}
