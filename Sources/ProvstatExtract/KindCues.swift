import ProvstatCore

/// The words around a figure that decide its kind: the verb before it and the base after it.
struct KindCues {
    /// A verb or noun before a figure that says what it measures.
    enum Cue: Sendable, Equatable {
        case increase, decrease, growthRate, changeTo, attain, equal, share, exceed, multiple, contribute, equivalent
        /// A phrase that contains a cue word without being one (*giá trị gia tăng*).
        case neutral
    }

    /// What a change or index is measured against.
    enum Base: Sendable, Equatable {
        case sameTimeLastYear, previousMonth, other, plan
    }

    static let cues = PhraseTable<Cue>(
        [
            ("giá trị gia tăng", Cue.neutral), ("trị gia tăng", .neutral), ("gia tăng", .increase),
            ("tăng trưởng", .growthRate), ("tốc độ tăng", .growthRate), ("mức tăng", .increase),
            ("tăng lên", .changeTo), ("giảm xuống", .changeTo), ("giảm còn", .changeTo), ("tăng đến", .changeTo),
            ("nâng lên", .changeTo), ("nâng tổng số lên", .changeTo), ("lên", .changeTo), ("xuống còn", .changeTo),
            ("tăng", .increase), ("giảm", .decrease), ("mức giảm", .decrease), ("đạt", .attain), ("bằng", .equal),
            ("hoàn thành", .attain), ("thực hiện được", .attain),
            ("chiếm", .share), ("tỷ trọng", .share), ("tỉ trọng", .share), ("tỷ lệ", .share), ("tỉ lệ", .share),
            ("lấp đầy", .share), ("vượt", .exceed), ("gấp", .multiple), ("đóng góp", .contribute),
            ("tương đương", .equivalent), ("tương ứng", .equivalent),
        ].map { (Tokenizer.phrase($0.0), $0.1) })

    /// Words that end the search for a plan word (*so*, *và*, a verb).
    static let planStops: KeyTable<Bool> = keys(["so", "và", "tăng", "giảm", "đạt", "bằng", "chiếm", "cùng"])
    /// Words skipped before a base (*so với bình quân của …*).
    static let baseLeads: KeyTable<Bool> = keys(["bình", "quân", "mức", "với", "của"])

    /// A set of words by `WordKey` (a key of 0, outside the sentence, is in none).
    private static func keys(_ words: [String]) -> KeyTable<Bool> { KeyTable(words.map { (WordKey.of($0), true) }) }

    let matcher: TokenMatcher
    /// The word tables asked about at every figure (fetched once, not one static at a time).
    var tables: ReadingTables
    /// The last colon before the sentence's first number: the end of a lead that may state a
    /// base for the list after it (found once, not by a scan back from every figure).
    private let leadColon: Int?

    init(matcher: TokenMatcher, tables: ReadingTables = .shared) {
        self.matcher = matcher
        self.tables = tables
        var colon: Int? = nil
        var index = 0
        while index < matcher.tokens.count, !matcher.tokens[index].isNumber {
            if matcher.isSymbol(index, ":") { colon = index }
            index += 1
        }
        leadColon = colon
    }

    /// The cue whose phrase ends at `index`, with its first token.
    func cue(endingAt index: Int) -> (cue: Cue, start: Int)? {
        guard let entry = tables.cues.longest(in: matcher, endingAt: index) else { return nil }
        return (entry.value, index - entry.length + 1)
    }

    /// The nearest cue before `start`, not crossing a comma, a clause end or `stop`.
    ///
    /// A bare *đạt* defers to a rate noun further back (*tăng trưởng kinh tế đạt 5,77%*).
    func governingCue(before start: Int, stop: Int) -> Cue? {
        var index = start - 1
        var found: Cue? = nil
        while index > stop {
            if matcher.isSymbol(index, ")"), let open = matcher.openingBracket(before: index), open > stop {
                index = open - 1  // a bracketed aside: *Tốc độ tăng trưởng (GRDP) đạt 7%*
                continue
            }
            if matcher.isPhraseEnd(index) { break }
            if let (cue, cueStart) = cue(endingAt: index), cue != .neutral {
                if found == nil {
                    found = cue
                    if cue != .attain && cue != .equal { return cue }
                } else if cue == .growthRate || cue == .share || (cue == .increase && matcher.lowerIs(cueStart, "mức"))
                {
                    return cue
                }
                index = cueStart - 1
                continue
            }
            index -= 1
        }
        return found
    }

    /// The cue in the figure's own phrase (the run of phrase words right before it).
    func adjacentCue(before start: Int) -> Cue? {
        var index = start - 1
        while index >= 0, matcher.tokens[index].isWord, tables.phraseWords.contains(key: matcher.tokens[index].key),
            tables.nounCompounds.longest(in: matcher, endingAt: index) == nil
        {
            // The nearest verb wins: *vốn tăng thêm đạt 200 tỷ đồng* is a level.
            if let (cue, _) = cue(endingAt: index) {
                return cue == .neutral || cue == .attain ? nil : cue
            }
            index -= 1
        }
        return nil
    }

    /// Whether the cue in the figure's own phrase is a change (*tăng*, *giảm*).
    func changeCue(before start: Int) -> Bool {
        let cue = adjacentCue(before: start)
        return cue == .increase || cue == .decrease
    }

    /// The base named after a figure, from `start` up to a clause end or `stop`.
    ///
    /// `month` is the report month (for *so với tháng 9* in an October report), `year` its year.
    func base(after start: Int, stop: Int, month: Int?, year: Int?) -> Base? {
        search(after: start, stop: stop, month: month, year: year).base
    }

    /// `base(after:stop:month:year:)`, and where a search with a further `stop` would go on
    /// (`resume`: nil when a clause end or the base itself ended this one).
    func search(after start: Int, stop: Int, month: Int?, year: Int?) -> (base: Base?, resume: Int?) {
        var index = start
        // Brackets do not end the search: *tăng 1,1% (+0,6 tạ/ha) so với cùng kỳ*.
        while index < stop, index < matcher.tokens.count {
            if matcher.isSentencePartEnd(index) { return (nil, nil) }
            if matcher.lowerIs(index, "so") {
                var next = index + 1
                if matcher.lowerIs(next, "với") || matcher.lowerIs(next, "sánh") { next += 1 }
                return (classify(at: next, month: month, year: year), nil)
            }
            if matcher.matches("cùng", "kỳ", at: index) || matcher.matches("cùng", "kì", at: index) {
                return (.sameTimeLastYear, nil)
            }
            index += 1
        }
        return (nil, index)
    }

    /// A base named before the figure in its clause (*so với cùng kỳ năm trước tăng 3,65%*).
    func base(before start: Int, stop: Int, month: Int?, year: Int?) -> Base? {
        var index = start - 1
        while index > stop, !matcher.isPhraseEnd(inside: index) {
            if let base = baseStart(at: index) { return classify(at: base, month: month, year: year) }
            index -= 1
        }
        // A base fronted before the clause: *So với cùng kỳ năm trước, doanh thu tăng 8,6%*.
        guard index > stop, matcher.isSymbol(index, ",") else { return nil }
        var first = index - 1
        while first > stop, !matcher.isPhraseEnd(inside: first) { first -= 1 }
        first += 1
        guard first < index, let base = baseStart(at: first) else { return nil }
        return classify(at: base, month: month, year: year)
    }

    /// The base a list's lead states once before its colon (*Một số sản phẩm chủ yếu tăng so với
    /// cùng kỳ: xi măng tăng 12,3%; …*): the lead must hold no figure of its own.
    func base(ofLeadBefore start: Int, month: Int?, year: Int?) -> Base? {
        // The last colon before `start` must have no number before it: with no colon before the
        // first number there is none; past the lead's colon, it is that one unless another
        // (after the first number) stands between.
        guard let lead = leadColon else { return nil }
        let colon: Int
        if start > lead {
            guard !(lead + 1..<start).contains(where: { matcher.isSymbol($0, ":") }) else { return nil }
            colon = lead
        } else {
            // A number written out in the lead itself (no number before it either).
            guard let own = (0..<start).last(where: { matcher.isSymbol($0, ":") }) else { return nil }
            colon = own
        }
        var index = colon - 1
        while index >= 0, !matcher.isSentencePartEnd(index) {
            if let base = baseStart(at: index) { return classify(at: base, month: month, year: year) }
            index -= 1
        }
        return nil
    }

    /// Where the base opened by *so với* / *so sánh* at `index` starts, or by a bare *so* before
    /// the period it compares with (*so cùng kỳ tăng 3,2%*, *so tháng trước*); nil when none opens there.
    private func baseStart(at index: Int) -> Int? {
        guard matcher.lowerIs(index, "so") else { return nil }
        if matcher.lowerIs(index + 1, "với") || matcher.lowerIs(index + 1, "sánh") { return index + 2 }
        let next = index + 1
        let bare =
            matcher.lowerIs(next, "cùng") || matcher.lowerIs(next, "tháng") || matcher.lowerIs(next, "năm")
            || matcher.lowerIs(next, "quý") || matcher.lowerIs(next, "kỳ")
        return bare ? next : nil
    }

    /// Whether a plan word (*kế hoạch*, *dự toán*) follows in the figure's phrase: within four words
    /// of `start` (*đạt 62% tổng vốn kế hoạch*), before a comma, a number or another verb.
    func planFollows(_ start: Int) -> Bool {
        var index = start
        while index < start + 5, index < matcher.tokens.count, !matcher.isPhraseEnd(index),
            !matcher.tokens[index].isNumber
        {
            if tables.planWords.longest(in: matcher, at: index) != nil { return true }
            if tables.planStops.contains(matcher.key(index)) {
                return false
            }
            index += 1
        }
        return false
    }

    private func classify(at start: Int, month: Int?, year: Int?) -> Base {
        var index = start
        while tables.baseLeads.contains(matcher.key(index)) { index += 1 }
        let next = index + 1
        if matcher.lowerIs(index, "cùng") { return .sameTimeLastYear }
        // *so với kế hoạch*, *so với tổng vốn kế hoạch năm*.
        for ahead in index..<min(index + 4, matcher.tokens.count) {
            if matcher.isPhraseEnd(ahead) || matcher.tokens[ahead].isNumber || matcher.lowerIs(ahead, "cùng") { break }
            if tables.planWords.longest(in: matcher, at: ahead) != nil { return .plan }
        }
        if matcher.lowerIs(index, "tháng") {
            // (*liền kề* is two tokens: the one after *tháng* is *liền*.)
            if matcher.lowerIs(next, "trước") || matcher.lowerIs(next, "liền") || matcher.lowerIs(next, "kề") {
                return .previousMonth
            }
            if matcher.lowerIs(next, "cùng") { return .sameTimeLastYear }
            let scanner = PeriodScanner(matcher: matcher)
            if let base = scanner.monthNumber(at: index + 1), let month {
                if base == (month == 1 ? 12 : month - 1) { return .previousMonth }
                // The same month of last year (*tháng 10/2022* in an October 2023 report).
                let yearIndex = matcher.isSymbol(index + 2, "/") || matcher.lowerIs(index + 2, "năm") ? index + 3 : -1
                if base == month, let year, scanner.yearNumber(at: yearIndex) == year - 1 { return .sameTimeLastYear }
                if base == month,
                    matcher.matches("năm", "trước", at: index + 2) || matcher.matches("năm", "ngoái", at: index + 2)
                {
                    return .sameTimeLastYear
                }
            }
            return .other
        }
        if matcher.lowerIs(index, "năm") {
            if matcher.lowerIs(next, "trước") || matcher.lowerIs(next, "ngoái") { return .sameTimeLastYear }
            if let base = PeriodScanner(matcher: matcher).yearNumber(at: index + 1) {
                guard let year else { return .sameTimeLastYear }
                return base == year - 1 ? .sameTimeLastYear : .other
            }
        }
        // A longer phrase naming last year: *so với thời điểm này năm trước*.
        for ahead in index..<min(index + 6, matcher.tokens.count) {
            if matcher.isPhraseEnd(ahead) || matcher.tokens[ahead].isNumber { break }
            if matcher.matches("cùng", "kỳ", at: ahead) || matcher.matches("năm", "trước", at: ahead)
                || matcher.matches("năm", "ngoái", at: ahead)
            {
                return .sameTimeLastYear
            }
        }
        return .other
    }
}
