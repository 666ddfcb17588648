import Foundation
import ProvstatCore

/// Reads the facts of one sentence: figures, their hedges, kinds, signs, periods and subjects.
struct SentenceReader {
    /// A fact with what the page-level linker needs to know about its neighbours.
    struct Reading: Sendable {
        var fact: Fact
        /// Whether *trong đó* / *bao gồm* stands between the previous figure and this one.
        var breakdownBefore: Bool
        /// Whether *riêng* singles this figure out as a part of the one before (*Tổng kim ngạch …;
        /// riêng các sản phẩm từ dừa đạt …*), without the parts adding up to it.
        var partBefore = false
        /// Whether the figure restates the previous one (*tương đương*).
        var isEquivalent: Bool
        /// Position (among the sentence's readings) of the figure this one is about.
        var about: Int?
    }

    let sentence: TokenizedSentence
    let context: PageContext
    /// The heading of the section the sentence stands in: the subject when nothing else is named.
    var heading: String = ""
    /// The word tables asked about at every figure (fetched once, not one static at a time).
    var tables = ReadingTables.shared

    /// The sentence's facts in reading order; `topic` is the topic the sentence before it left
    /// open, and becomes the one this sentence leaves open; `named` is the phrase the sentences
    /// before it in its section named last, and becomes the one this sentence named last.
    func readings(topic: inout SubjectFinder.Phrase?, named: inout SubjectTracker.Named?) -> [Reading] {
        let carried = topic
        topic = nil
        let tokens = sentence.tokens
        // Read in place (a token passed by value is copied).
        let numberWords = tables.numberWordKeys
        guard
            tokens.indices.contains(where: {
                tokens[$0].isNumber || (tokens[$0].isWord && numberWords.contains(tokens[$0].key))
            })
        else { return [] }
        let matcher = TokenMatcher(source: sentence.text, tokens: tokens)
        let figures = FigureFinder(matcher: matcher, style: context.style, tables: tables).figures()
        guard !figures.isEmpty else { return [] }
        let cues = KindCues(matcher: matcher, tables: tables)
        let periods = PeriodScanner.filled(sentence.periods, month: context.month, year: context.year)
        // One reading and one kind per figure: stored at once, not regrown (a reading is a large value).
        var readings: [Reading] = []
        readings.reserveCapacity(figures.count)
        var kinds: [(kind: FactKind, negative: Bool, estimate: Bool)] = []
        kinds.reserveCapacity(figures.count)
        var subjects = SubjectTracker(
            finder: SubjectFinder(matcher: matcher), heading: heading, topic: carried, previous: named)
        let clauseHedges = tables.clauseHedges
        let equivalentWords = tables.equivalentWords
        let breakdownWords = tables.breakdownWords
        let partWords = tables.partWords
        // Where the words after the figure before that said what it counted (*38 doanh nghiệp thành
        // lập mới*) or was about (*tăng 7,5% về số doanh nghiệp*) end.
        var consumedEnd = 0
        // The changes that state no base, measured at the end by the sentence's others.
        var baseless: [Int] = []
        // The linking words between each figure and the one before it (none before a range's high
        // end), found in one pass each, once: asked about by the figure's kind and reading, and by
        // the base search of the figures before it.
        let allLinks = figures.indices.map { position in
            figures[position].rangeLow == nil
                ? self.links(
                    from: position > 0 ? figures[position - 1].end : 0, to: figures[position].start,
                    breakdown: breakdownWords, part: partWords, equivalent: equivalentWords, matcher: matcher)
                : (breakdown: false, part: false, equivalent: false)
        }
        // By index: `enumerated()` hands out a copy of each figure (retaining its unit's text).
        for position in figures.indices {
            let figure = figures[position]
            let previousEnd = position > 0 ? figures[position - 1].end : 0
            let links = allLinks[position]
            let phraseStart = self.phraseStart(before: figure.start, limit: previousEnd, matcher: matcher)
            let estimate: Bool
            var kind: FactKind
            var negative: Bool
            // Whether the figure's kind came from a base it states (or shares with a list).
            var statesBase = true
            if let low = figure.rangeLow {
                (kind, negative, estimate) = kinds[low]
            } else if let inherited = coordinatedKind(position, figures: figures, kinds: kinds, cues: cues) {
                (kind, negative, estimate) = inherited
            } else {
                estimate =
                    hasHedge(from: phraseStart, to: figure.start, matcher: matcher)
                    || hedgeOpensClause(before: phraseStart, previousEnd: previousEnd, matcher: matcher)
                    || (position == 0 && clauseHedges.longest(in: matcher, at: 0) != nil)
                let month = nearestMonth(before: figure.start, in: periods, matcher: matcher) ?? context.month
                // *tăng 5.120 tỷ đồng (bằng 10,8%) so với cùng kỳ*: the base after a bracket that
                // restates the change in percent is the change's.
                let skipped = isBracketedRestatement(position + 1, figures: figures, matcher: matcher) ? 1 : 0
                let baseStop = self.baseStop(
                    after: position + skipped, figures: figures, links: allLinks, cues: cues)
                // A base written in the figure's own clause before it (*doanh thu tăng so với tháng
                // trước gần 6% và tăng khoảng 8% so với cùng kỳ*) is nearer than one after the next change.
                let next = position + 1 + skipped
                let nextStart = next < figures.count ? figures[next].start : Int.max
                let ownEnd = min(
                    baseStop, nextStart, nextClauseBase(after: figure.end, before: nextStart, matcher: matcher))
                let own = cues.search(after: figure.end, stop: ownEnd, month: month, year: context.year)
                // The search up to `baseStop` takes up where the one in its own clause ended.
                let base =
                    own.base
                    ?? cues.base(before: figure.start, stop: previousEnd - 1, month: month, year: context.year)
                    ?? own.resume.flatMap { cues.base(after: $0, stop: baseStop, month: month, year: context.year) }
                    ?? cues.base(ofLeadBefore: figure.start, month: month, year: context.year)
                statesBase = base != nil
                (kind, negative) = self.restatedChange(
                    self.kind(of: figure, base: base, previousEnd: previousEnd, cues: cues, matcher: matcher),
                    of: figure, previous: kinds.last,
                    isEquivalent: links.equivalent
                        && !(previousEnd..<figure.start).contains(where: matcher.isSentencePartEnd))
            }
            if isBracketedRestatement(position, figures: figures, matcher: matcher), let change = kinds.last,
                [.growth, .growthYoY, .growthMoM].contains(change.kind)
            {
                // *tăng 2.410 tỷ đồng (bằng 4,8%)*: the same change, in percent.
                (kind, negative) = (change.kind, change.negative)
            }
            kinds.append((kind, negative, estimate))
            let unit = figure.unit!
            let regarding = self.regarding(after: figure, matcher: matcher)
            var counted = countedPhrase(of: figure, phraseStart: phraseStart, matcher: matcher)
            // Words after the figure that told what it counted or was about are not the next one's.
            let wordsEnd = max(regarding?.end ?? 0, counted?.end ?? 0)
            let material = self.material(after: figure, matcher: matcher)
            // The words after the figure go by position: the tracker makes text of them only
            // where the subject uses them (for most figures, nowhere).
            let (subject, about) = subjects.subject(
                of: position, kind: kind, from: max(previousEnd, consumedEnd), to: figure.start,
                respectively: respectively(position, figures: figures, matcher: matcher),
                counted: counted.take()?.phrase, material: material?.words,
                regarding: regarding?.words, described: described(after: figure, matcher: matcher), unit: unit.unit)
            consumedEnd = max(wordsEnd, material?.end ?? 0)
            let rawStart = figure.rangeLow == nil ? tokens[phraseStart].start : tokens[figure.start].start
            let rawEnd = tokens[figure.end - 1].end
            let firstToken = figure.rangeLow == nil ? phraseStart : figure.start
            let raw = matcher.written(from: firstToken, through: figure.end - 1)
            let fact = Fact(
                value: figure.numeral.value(exponent: unit.exponent, negative: negative), unit: unit.unit,
                kind: kind, estimate: estimate, raw: raw, subject: subject, sentence: sentence.text,
                start: rawStart, end: rawEnd,
                period: about.map { readings[$0].fact.period }
                    ?? period(
                        of: figure, nextStart: position + 1 < figures.count ? figures[position + 1].start : Int.max,
                        in: periods, matcher: matcher),
                decimals: figure.numeral.decimals, scale: unit.exponent)
            if fact.kind == .growth, !statesBase { baseless.append(readings.count) }
            readings.append(
                Reading(
                    fact: fact,
                    breakdownBefore: links.breakdown, partBefore: links.part, isEquivalent: links.equivalent,
                    about: about))
        }
        // *Chỉ số giá vàng tăng 3,2% so với tháng trước; chỉ số giá đô la Mỹ giảm 0,5%*, *Tổng đàn
        // trâu …, giảm 1,2%; đàn bò …, tăng 4,5% so với cùng kỳ*: a change that states no base is
        // measured as the sentence's changes for the same period before it were, or with none
        // before it, those after it, when they agree (*bình quân 9 tháng tăng 3,45%* beside a
        // month's change is not).
        for position in baseless {
            let period = readings[position].fact.period
            func based(_ range: Range<Int>) -> Set<FactKind> {
                Set(
                    readings[range].lazy.filter { $0.fact.period == period }.map(\.fact.kind).filter {
                        $0 == .growthYoY || $0 == .growthMoM
                    })
            }
            let before = based(0..<position)
            let chosen = before.isEmpty ? based((position + 1)..<readings.count) : before
            if chosen.count == 1, let only = chosen.first { readings[position].fact.kind = only }
        }
        (topic, named) = subjects.finish()
        return readings
    }

    // MARK: - Kind

    /// The kind of a figure and whether its value is negative.
    private func kind(
        of figure: Figure, base: KindCues.Base?, previousEnd: Int, cues: KindCues, matcher: TokenMatcher
    ) -> (FactKind, Bool) {
        let unit = figure.unit!.unit
        let minus = figure.sign == .minus
        // *tăng từ 53,1% lên 70,2%*: the starting point is a level, not a change.
        if matcher.lowerIs(figure.start - 1, "từ"), movesTo(after: figure.end, matcher: matcher) {
            return (UnitReader.unit(unit, is: "%") ? .share : .level, minus)
        }
        switch Self.measure(of: unit) {
        case .points:
            let cue = cues.governingCue(before: figure.start, stop: previousEnd - 1)
            return (.contributionPP, minus || cue == .decrease)
        case .times:
            return (.ratio, false)
        case .percent:
            let cue = cues.governingCue(before: figure.start, stop: previousEnd - 1)
            let plan = cues.planFollows(figure.end) || base == .plan
            switch cue {
            case .exceed:
                if plan || base == nil { return (.planExcess, false) }
                return (growth(base), false)
            case .increase, .decrease:
                return (growth(base), cue == .decrease || minus)
            case .growthRate:
                return (base == nil ? .growthYoY : growth(base), minus)
            case .attain, .equal, nil:
                if plan { return (.planAttainment, false) }
                if figure.sign != .none { return (growth(base), minus) }
                if base == .sameTimeLastYear { return (.indexYoY, false) }
                if base == .previousMonth { return (.indexMoM, false) }
                return (.share, false)
            case .multiple:
                return (.ratio, false)
            case .contribute:
                return (.contributionPP, minus)
            case .share, .changeTo, .equivalent, .neutral:
                // *đạt tỷ lệ 78% kế hoạch*: a rate of the plan is its attainment.
                if cue == .share, cues.planFollows(figure.end) { return (.planAttainment, false) }
                return (.share, minus)
            }
        case .other:
            let cue = cues.adjacentCue(before: figure.start)
            if cue == .increase || cue == .decrease { return (growth(base), cue == .decrease || minus) }
            if figure.sign != .none { return (growth(base), minus) }
            return (.level, false)
        }
    }

    /// How `kind(of:)` reads a unit.
    private enum Measure { case percent, points, times, other }

    /// The measure of `unit`, told by length first: most units are none of these, and comparing
    /// unequal strings takes the slow path.
    private static func measure(of unit: String) -> Measure {
        if UnitReader.unit(unit, is: "%") { return .percent }
        if UnitReader.unit(unit, is: "pp") { return .points }
        return UnitReader.unit(unit, is: "times") ? .times : .other
    }

    /// The kind of an amount that restates the change before it (*tăng 10%, tương đương 3 tỷ đồng*):
    /// a change written as an amount takes the growth kind of its base, and its sign when it names none.
    private func restatedChange(
        _ own: (FactKind, Bool), of figure: Figure, previous: (kind: FactKind, negative: Bool, estimate: Bool)?,
        isEquivalent: Bool
    ) -> (FactKind, Bool) {
        // (Checked without building a set and an array per figure.)
        let unit = figure.unit?.unit ?? "%"
        guard isEquivalent, let previous,
            previous.kind == .growth || previous.kind == .growthYoY || previous.kind == .growthMoM,
            Self.measure(of: unit) == .other
        else { return own }
        switch own.0 {
        case .level: return (previous.kind, previous.negative)
        case .growth: return (previous.kind, own.1)
        default: return own
        }
    }

    /// Whether *lên*, *xuống* or *còn* follows in the clause, before the next number.
    private func movesTo(after start: Int, matcher: TokenMatcher) -> Bool {
        var index = start
        while index < matcher.tokens.count, !matcher.isSentencePartEnd(index), !matcher.tokens[index].isNumber {
            if matcher.isSymbol(index, "(") {
                // Skip a bracketed aside such as *(năm 2015)*.
                while index < matcher.tokens.count, !matcher.isSymbol(index, ")") { index += 1 }
            } else if matcher.lowerIs(index, "lên") || matcher.lowerIs(index, "xuống") || matcher.lowerIs(index, "còn")
            {
                return true
            }
            index += 1
        }
        return false
    }

    /// The growth kind for a base.
    private func growth(_ base: KindCues.Base?) -> FactKind {
        switch base {
        case .sameTimeLastYear: .growthYoY
        case .previousMonth: .growthMoM
        default: .growth
        }
    }

    /// The counted noun of a figure with the words after it that say which (*38 doanh nghiệp thành lập
    /// mới*, *31 xã đạt chuẩn nông thôn mới*), when such words follow or a verb before it says
    /// what it counted, and where those words end; nil otherwise.
    private func countedPhrase(
        of figure: Figure, phraseStart: Int, matcher: TokenMatcher
    ) -> (phrase: SubjectFinder.Phrase, end: Int)? {
        guard let unit = figure.unit, unit.isCountedNoun, figure.numberEnd < unit.end else { return nil }
        // The noun itself, without a scale word before it (*1,2 triệu lượt khách*).
        let nounStart = max(
            figure.numberEnd, unit.end - (Tokenizer.pieceCount(unit.unit) ?? unit.unit.split(separator: " ").count))
        var end = unit.end
        // *đạt chuẩn*, *đạt tiến độ* (no figure after) qualify the noun; *nâng cao* is a grade, not
        // *nâng* (raise); *và* before another figure, or right after the noun (*6.950 người và đi
        // làm việc …*, not *42 quốc gia và vùng lãnh thổ*), starts the next item.
        while end < matcher.tokens.count, end < unit.end + 10, matcher.tokens[end].isWord,
            !tables.countedStops.contains(key: matcher.tokens[end].key)
                || (matcher.lowerIs(end, "đạt") && end + 1 < matcher.tokens.count && matcher.tokens[end + 1].isWord
                    && !tables.phraseWords.contains(key: matcher.tokens[end + 1].key))
                || (matcher.lowerIs(end, "nâng") && matcher.lowerIs(end + 1, "cao"))
                // *8 nhóm tăng giá*: which groups, not a change.
                || ((matcher.lowerIs(end, "tăng") || matcher.lowerIs(end, "giảm")) && matcher.lowerIs(end + 1, "giá"))
                // *45 dự án trong danh mục kêu gọi đầu tư* says which; *trong tháng*, *trong đó* do not.
                || (matcher.lowerIs(end, "trong") && end + 1 < matcher.tokens.count
                    && matcher.tokens[end + 1].isWord && !tables.periodEnds.contains(key: matcher.tokens[end + 1].key)
                    && !tables.phraseWords.contains(key: matcher.tokens[end + 1].key)),
            !(matcher.lowerIs(end, "và")
                && ((end == unit.end && tables.compoundNouns.longest(in: matcher, at: end + 1) == nil)
                    || figureFollows(end, matcher: matcher)))
        {
            end += 1
        }
        // *11 nhóm hàng hóa và dịch vụ chính có 8 nhóm tăng giá*: a verb left hanging before the
        // next figure says nothing of this one.
        while end > unit.end, tables.hanging.contains(key: matcher.tokens[end - 1].key) { end -= 1 }
        // The role first: the texts are built only for a phrase that is returned.
        let role: SubjectFinder.Phrase.CountedRole?
        if matcher.lowerIs(phraseStart, "cho") {
            // *giải quyết việc làm cho 2.350 lao động*: those the action was for.
            role = .beneficiary
        } else if end == unit.end,
            tables.countingVerbs.longest(in: matcher, endingAt: phraseStart - 1) != nil
                || matcher.lowerIs(phraseStart - 1, "của")
        {
            // *Kiên Giang đón 7,35 triệu lượt khách*: after a verb of counting, the noun is what is
            // counted; after *của* (*liên kết tiêu thụ của 26 doanh nghiệp*), whose it is.
            role = .object
        } else if matcher.lowerIs(phraseStart, "có"), end > unit.end, phraseStart > 0,
            matcher.tokens[phraseStart - 1].isWord,
            !tables.periodEnds.contains(key: matcher.tokens[phraseStart - 1].key)
        {
            // *Dự án có 1.236 hộ bị ảnh hưởng*: what the thing named right before has (not *lũy kế
            // 12 tháng có …*).
            role = .possession
        } else if end == unit.end {
            return nil
        } else {
            role = nil
        }
        var phrase = SubjectFinder.Phrase(head: matcher.text(from: nounStart, to: end), period: "")
        // The noun before its verbs (*dự án FDI* of *dự án FDI được cấp giấy chứng nhận*) owns the
        // attributes written after it (*với tổng vốn đăng ký …*).
        // A bare noun keeps what is said of it (*người được hưởng trợ cấp thất nghiệp*).
        let verb = (unit.end..<end).first { tables.qualifierVerbs.contains(key: matcher.tokens[$0].key) } ?? end
        let ownerEnd = verb > unit.end ? verb : end
        // (The head itself when it spans the same tokens: no second text built.)
        phrase.owner = ownerEnd == end ? phrase.head : matcher.text(from: nounStart, to: ownerEnd)
        phrase.role = role
        return (phrase, end)
    }

    /// Whether a figure follows `index` at once, a hedge word aside (*… và 97 doanh nghiệp …*,
    /// not *… hàng hóa và dịch vụ chính có 8 nhóm*).
    private func figureFollows(_ index: Int, matcher: TokenMatcher) -> Bool {
        var next = index + 1
        while next < min(matcher.tokens.count, index + 4), !matcher.isPhraseEnd(next) {
            if matcher.tokens[next].isNumber { return true }
            next += 1
        }
        return false
    }

    /// Verbs after a counted noun that start what is said of it (*dự án được cấp …*).
    static let qualifierVerbs: WordSet = ["được", "đã", "đang", "sẽ", "bị", "có"]

    /// What a measure counts when the page writes it right after the unit (*58.000 tấn gạo*,
    /// *153.000 ha lúa*): up to three words, before any that link to something else, and where they end.
    private func material(after figure: Figure, matcher: TokenMatcher) -> (words: Range<Int>, end: Int)? {
        guard let unit = figure.unit, Self.isMaterialUnit(unit.unit), unit.end < matcher.tokens.count,
            matcher.tokens[unit.end].spaceBefore
        else { return nil }
        var end = unit.end
        while end < matcher.tokens.count, end < unit.end + 4, matcher.tokens[end].isWord,
            !tables.countedStops.contains(key: matcher.tokens[end].key),
            !tables.phraseWords.contains(key: matcher.tokens[end].key),
            !tables.materialStops.contains(key: matcher.tokens[end].key)
        {
            end += 1
        }
        guard end > unit.end else { return nil }
        return (unit.end..<end, end)
    }

    /// What a change is about when the page says so right after it (*tăng 7,5% về số doanh
    /// nghiệp và giảm 12,3% về vốn đăng ký*): the words after *về*, and where they (and a *và*
    /// after them) end.
    private func regarding(after figure: Figure, matcher: TokenMatcher) -> (words: Range<Int>, end: Int)? {
        guard matcher.lowerIs(figure.end, "về") else { return nil }
        let start = figure.end + 1
        var end = start
        while end < matcher.tokens.count, end < start + 6, matcher.tokens[end].isWord,
            !tables.regardingStops.contains(key: matcher.tokens[end].key)
        {
            end += 1
        }
        guard end > start else { return nil }
        return (start..<end, matcher.lowerIs(end, "và") ? end + 1 : end)
    }

    /// Words that end what a change is about.
    static let regardingStops: WordSet = ["và", "so", "với", "tăng", "giảm", "đạt", "chiếm", "do", "nhờ"]

    /// The words right after a figure's unit up to a word that links to something else
    /// (*38.600 ha sản xuất theo mô hình cánh đồng lớn*): what it is, when nothing before it says;
    /// with no such words, a counted noun itself (*còn 1.250 hộ nghèo*).
    private func described(after figure: Figure, matcher: TokenMatcher) -> SubjectTracker.Described? {
        // The unit read in place: binding it would retain its text.
        guard let unitEnd = figure.unit?.end else { return nil }
        if figure.unit!.isCountedNoun, !(unitEnd < matcher.tokens.count && matcher.tokens[unitEnd].isWord) {
            return .unit
        }
        var end = unitEnd
        while end < matcher.tokens.count, end < unitEnd + 8, matcher.tokens[end].isWord,
            !tables.countedStops.contains(key: matcher.tokens[end].key)
        {
            end += 1
        }
        return end > unitEnd ? .words(unitEnd..<end) : nil
    }

    /// Whether `unit` is one of physical measure, after which a noun names the stuff measured.
    private static func isMaterialUnit(_ unit: String) -> Bool {
        // Compared with each (small) literal: cheaper than hashing the unit for a set.
        UnitReader.unit(unit, is: "t") || UnitReader.unit(unit, is: "ha") || UnitReader.unit(unit, is: "m3")
            || UnitReader.unit(unit, is: "l")
    }
    /// Words after a unit that say when or where rather than what (*… ha trong năm*, *… tấn mỗi năm*).
    static let materialStops: WordSet = [
        "tháng", "năm", "quý", "mỗi", "một", "hằng", "hàng", "trên", "tại", "ở", "vào", "cho", "và", "là", "thì",
        "so", "được", "đã", "theo", "sản", "thu", "gồm", "chủ", "yếu", "nhưng", "trở",
    ]

    /// Words that cannot end what a counted noun is (*có*, *là*, *và* before the next figure).
    static let hanging: WordSet = ["có", "là", "và", "được", "đã", "với", "của", "cho"]

    /// Words a period ends with (*lũy kế 12 tháng*, *đến nay*).
    static let periodEnds: WordSet = [
        "tháng", "năm", "quý", "nay", "đó", "này", "kỳ", "tuần", "thời", "giai", "dịp",
    ]

    /// Words that end the qualifiers after a counted noun (*38 doanh nghiệp thành lập mới với …*).
    static let countedStops: WordSet = [
        "với", "so", "chiếm", "bằng", "gấp", "nâng", "đưa", "góp", "tương", "trong", "tăng", "giảm", "vượt",
        // *trị* stops *trị giá*; *giá* alone is the price in *chỉ số giá*.
        "đạt", "trị", "của", "nhằm", "để", "từ", "khi",
    ]

    /// Whether only a comma or *và* stands between the previous figure and this one (*6,5%, 5,8% và 18,2%*).
    private func isCoordinated(_ position: Int, figures: [Figure], matcher: TokenMatcher) -> Bool {
        guard position > 0, position < figures.count, figures[position].rangeLow == nil,
            !figures[position - 1].isRangeLow
        else { return false }
        let gap = figures[position - 1].end..<figures[position].start
        return !gap.isEmpty
            && gap.allSatisfy { matcher.isSymbol($0, ",") || matcher.lowerIs($0, "và") || matcher.lowerIs($0, "hoặc") }
    }

    /// The kind, sign and hedge a figure shares with the one before it in a list of the same unit
    /// (*lần lượt tăng 6,5%, 5,8% và 18,2%*), when it has no cue of its own.
    private func coordinatedKind(
        _ position: Int, figures: [Figure], kinds: [(kind: FactKind, negative: Bool, estimate: Bool)],
        cues: KindCues
    ) -> (FactKind, Bool, Bool)? {
        guard isCoordinated(position, figures: figures, matcher: cues.matcher), figures[position].sign == .none,
            figures[position].unit?.unit == figures[position - 1].unit?.unit, let previous = kinds.last
        else { return nil }
        return (previous.kind, previous.negative, previous.estimate)
    }

    /// The figure's place in a list opened by *lần lượt* (respectively), and the list's length.
    private func respectively(_ position: Int, figures: [Figure], matcher: TokenMatcher) -> (place: Int, count: Int)? {
        var first = position
        while isCoordinated(first, figures: figures, matcher: matcher) { first -= 1 }
        var last = position
        while isCoordinated(last + 1, figures: figures, matcher: matcher) { last += 1 }
        guard last > first else { return nil }
        let gapStart = first > 0 ? figures[first - 1].end : 0
        guard (gapStart..<figures[first].start).contains(where: { matcher.matches("lần", "lượt", at: $0) }) else {
            return nil
        }
        return (position - first, last - first + 1)
    }

    /// Whether the figure at `position` is a percentage in brackets right after an amount, with at
    /// most a linking word before it (*tăng 2.410 tỷ đồng (bằng 4,8%)*): the amount restated.
    private func isBracketedRestatement(_ position: Int, figures: [Figure], matcher: TokenMatcher) -> Bool {
        guard position > 0, position < figures.count, let unit = figures[position].unit?.unit,
            UnitReader.unit(unit, is: "%"), let previousUnit = figures[position - 1].unit?.unit,
            !UnitReader.unit(previousUnit, is: "%"), !UnitReader.unit(previousUnit, is: "pp")
        else { return false }
        let open = figures[position - 1].end
        guard matcher.isSymbol(open, "("), matcher.isSymbol(figures[position].end, ")") else { return false }
        return (open + 1..<figures[position].start).allSatisfy {
            tables.restatingWords.contains(key: matcher.tokens[$0].key)
        }
    }

    /// Words that may open a bracket restating an amount in percent (*bằng*, *tương đương*, *tức*).
    static let restatingWords: WordSet = ["bằng", "tương", "đương", "tức", "là", "hay", "tăng", "giảm"]

    /// Where the clause of the next figure opens with its base (*tăng 1,95% và so với cùng kỳ năm
    /// trước tăng 3,41%*): at the *và* or comma before a *so* whose clause runs on to the next
    /// figure; `Int.max` when no such clause follows.
    private func nextClauseBase(after end: Int, before nextStart: Int, matcher: TokenMatcher) -> Int {
        guard nextStart != Int.max else { return Int.max }
        var index = end
        while index < nextStart {
            if matcher.lowerIs(index, "và") || matcher.isSymbol(index, ",") {
                var so = index + 1
                if matcher.lowerIs(so, "và") { so += 1 }
                if matcher.lowerIs(so, "so"), !(so..<nextStart).contains(where: { matcher.isPhraseEnd($0) }) {
                    return index
                }
            }
            if matcher.isSentencePartEnd(index) { return Int.max }
            index += 1
        }
        return Int.max
    }

    /// Where the search for a figure's base stops: at the next figure that is not a coordinated change.
    ///
    /// `links` are the linking words before each figure.
    private func baseStop(
        after position: Int, figures: [Figure], links: [(breakdown: Bool, part: Bool, equivalent: Bool)],
        cues: KindCues
    ) -> Int {
        var next = position + 1
        while next < figures.count {
            // Read in place: a copy of the figure would retain its unit's text. The cheap
            // questions first: the cue before the figure is looked up only when they leave it open.
            // An amount restating the change (*tăng 10%, tương đương 3 tỷ đồng so với cùng kỳ*) shares its base.
            let start = figures[next].start
            if figures[next].rangeLow == nil, figures[next].sign == .none, !links[next].equivalent,
                !cues.changeCue(before: start),
                !isCoordinated(next, figures: figures, matcher: cues.matcher)
            {
                return start
            }
            next += 1
        }
        return Int.max
    }

    // MARK: - Phrase, hedge, subject

    /// The first token of the run of hedge and verb words right before the figure.
    private func phraseStart(before start: Int, limit: Int, matcher: TokenMatcher) -> Int {
        var index = start
        while index - 1 >= limit, matcher.tokens[index - 1].isWord,
            tables.phraseWords.contains(key: matcher.tokens[index - 1].key),
            tables.nounCompounds.longest(in: matcher, endingAt: index - 1) == nil
        {
            index -= 1
        }
        // *cấp mới 16 dự án*, *trồng mới 1.250 ha*: *mới* there finishes the verb before it.
        while index < start, matcher.lowerIs(index, "mới") { index += 1 }
        if index - 1 >= limit, matcher.isSymbol(index - 1, "+") || matcher.isSymbol(index - 1, "-"),
            !matcher.tokens[start].spaceBefore, index == start
        {
            index -= 1
        }
        return index
    }

    /// Whether a hedge word stands in `from..<to`.
    private func hasHedge(from: Int, to: Int, matcher: TokenMatcher) -> Bool {
        contains(tables.hedges, from: from, to: to, matcher: matcher)
    }

    /// Whether the figure is the first of a clause that opens with a hedge (*Dự ước chỉ số … tăng 1,3%*);
    /// the first figure of a sentence that opens with one (*Ước tính cả năm, sản lượng đạt …*) is too.
    private func hedgeOpensClause(before start: Int, previousEnd: Int, matcher: TokenMatcher) -> Bool {
        var first = start
        while first - 1 >= 0, !matcher.isPhraseEnd(inside: first - 1) {
            first -= 1
            // Past the previous figure the clause is not the figure's first: no need to go on.
            if first < previousEnd { return false }
        }
        guard first >= previousEnd || previousEnd == 0 else { return false }
        return tables.clauseHedges.longest(in: matcher, at: first) != nil
    }

    /// Whether a breakdown, part or equivalence phrase starts in `from..<to` (`contains` of each,
    /// in one pass over the tokens).
    private func links(
        from: Int, to: Int, breakdown: PhraseTable<Bool>, part: PhraseTable<Bool>, equivalent: PhraseTable<Bool>,
        matcher: TokenMatcher
    ) -> (breakdown: Bool, part: Bool, equivalent: Bool) {
        var found = (breakdown: false, part: false, equivalent: false)
        var index = from
        let starts = tables.linkStarts
        while index < to, !(found.breakdown && found.part && found.equivalent) {
            guard starts.contains(matcher.tokens[index].key) else {
                index += 1
                continue
            }
            if !found.breakdown { found.breakdown = breakdown.longest(in: matcher, at: index) != nil }
            if !found.part { found.part = part.longest(in: matcher, at: index) != nil }
            if !found.equivalent { found.equivalent = equivalent.longest(in: matcher, at: index) != nil }
            index += 1
        }
        return found
    }

    /// Whether one of `phrases` starts in `from..<to`.
    private func contains(_ phrases: PhraseTable<Bool>, from: Int, to: Int, matcher: TokenMatcher) -> Bool {
        guard from < to else { return false }
        return (from..<to).contains { phrases.longest(in: matcher, at: $0) != nil }
    }

    /// The period a figure covers: one named in its own clause before it, else one named after it in
    /// its clause (*đạt 512,3 tỷ đồng trong tháng 9*), else the last one the sentence named before it.
    /// A comparison base among the sentence's `periods` (*so với tháng 9*) is no period a figure
    /// covers (passed over here, not filtered into an array of their own for each sentence).
    private func period(
        of figure: Figure, nextStart: Int, in periods: [PeriodScanner.Mention], matcher: TokenMatcher
    ) -> Period? {
        var clauseStart = figure.start
        while clauseStart - 1 >= 0, !matcher.isPhraseEnd(inside: clauseStart - 1) { clauseStart -= 1 }
        if let own = periods.last(where: {
            $0.index >= clauseStart && $0.index < figure.start && !Self.isBase($0, matcher: matcher)
        }) {
            return own.period
        }
        var clauseEnd = figure.end
        while clauseEnd < min(nextStart, matcher.tokens.count), !matcher.isPhraseEnd(inside: clauseEnd) {
            clauseEnd += 1
        }
        if let after = periods.first(where: {
            $0.index >= figure.end && $0.index < clauseEnd && !Self.isBase($0, matcher: matcher)
        }) {
            return after.period
        }
        return periods.last { $0.index < figure.start && !Self.isBase($0, matcher: matcher) }?.period
    }

    /// Whether a period mention is a comparison base (*so với tháng 9*), not the figure's period.
    private static func isBase(_ mention: PeriodScanner.Mention, matcher: TokenMatcher) -> Bool {
        matcher.lowerIs(mention.index - 1, "với") || matcher.lowerIs(mention.index - 1, "sánh")
            || matcher.lowerIs(mention.index - 1, "so")
    }

    /// The month of the nearest period named before `index` (a month or a year-to-date).
    private func nearestMonth(before index: Int, in periods: [PeriodScanner.Mention], matcher: TokenMatcher) -> Int? {
        periods.last {
            $0.index < index && ($0.period.span == .month || $0.period.span == .yearToDate)
                && !Self.isBase($0, matcher: matcher)
        }?.period.number
    }
}
