import Foundation
import ProvstatCore

/// Reads the facts of one sentence: figures, their hedges, kinds, signs, periods and subjects.
struct SentenceReader {
    /// A fact with what the page-level linker needs to know about its neighbours.
    struct Reading: Sendable {
        var fact: Fact
        /// Whether *trong đó* / *bao gồm* stands between the previous figure and this one.
        var breakdownBefore: Bool
        /// Whether the figure restates the previous one (*tương đương*).
        var isEquivalent: Bool
    }

    let sentence: TokenizedSentence
    let context: PageContext

    /// Words dropped from the start of a subject.
    private static let subjectLeadWords: Set<String> = [
        "trong", "đó", "riêng", "còn", "và", "đã", "có", "với", "theo", "về", "cho", "là", "của", "các",
        "những", "thì", "mà", "đạt", "như", "bên", "cạnh", "ngoài", "ra", "tính", "chung",
    ]

    /// The sentence's facts in reading order.
    func readings() -> [Reading] {
        let tokens = sentence.tokens
        guard tokens.contains(where: { $0.isNumber || Lexicon.numberWord($0) != nil }) else {
            return []
        }
        let matcher = TokenMatcher(tokens: tokens)
        let figures = FigureFinder(matcher: matcher, style: context.style).figures()
        guard !figures.isEmpty else { return [] }
        let cues = KindCues(matcher: matcher)
        let periods = PeriodScanner.filled(sentence.periods, month: context.month, year: context.year)
        var readings: [Reading] = []
        var kinds: [(kind: FactKind, negative: Bool, estimate: Bool)] = []
        var subject = ""
        for (position, figure) in figures.enumerated() {
            let previousEnd = position > 0 ? figures[position - 1].end : 0
            let phraseStart = self.phraseStart(before: figure.start, limit: previousEnd, matcher: matcher)
            let estimate: Bool
            let kind: FactKind
            let negative: Bool
            if let low = figure.rangeLow {
                (kind, negative, estimate) = kinds[low]
            } else {
                estimate =
                    hasHedge(from: phraseStart, to: figure.start, matcher: matcher)
                    || hedgeOpensClause(before: phraseStart, previousEnd: previousEnd, matcher: matcher)
                    || (position == 0 && Lexicon.clauseHedges.longest(in: matcher, at: 0) != nil)
                let month = nearestMonth(before: figure.start, in: periods) ?? context.month
                let baseStop = self.baseStop(after: position, figures: figures, cues: cues)
                let base =
                    cues.base(after: figure.end, stop: baseStop, month: month, year: context.year)
                    ?? cues.base(before: figure.start, stop: previousEnd - 1, month: month, year: context.year)
                (kind, negative) = self.restatedChange(
                    self.kind(of: figure, base: base, previousEnd: previousEnd, cues: cues, matcher: matcher),
                    of: figure, previous: kinds.last,
                    isEquivalent: contains(
                        Lexicon.equivalentWords, from: previousEnd, to: figure.start, matcher: matcher)
                        && !(previousEnd..<figure.start).contains(where: matcher.isSentencePartEnd))
            }
            kinds.append((kind, negative, estimate))
            let unit = figure.unit!
            let phrase = subjectPhrase(before: phraseStart, limit: previousEnd, matcher: matcher)
            if !phrase.isEmpty { subject = phrase }
            let rawStart = figure.rangeLow == nil ? tokens[phraseStart].start : tokens[figure.start].start
            let rawEnd = tokens[figure.end - 1].end
            let firstToken = figure.rangeLow == nil ? phraseStart : figure.start
            let utf8 = sentence.text.utf8
            let raw = String(
                Substring(
                    utf8[
                        utf8.index(
                            utf8.startIndex, offsetBy: tokens[firstToken].utf8Range.lowerBound)..<utf8.index(
                                utf8.startIndex, offsetBy: tokens[figure.end - 1].utf8Range.upperBound)]))
            let between = figure.rangeLow == nil ? (previousEnd, figure.start) : (figure.start, figure.start)
            let fact = Fact(
                value: figure.numeral.value(exponent: unit.exponent, negative: negative), unit: unit.unit,
                kind: kind, estimate: estimate, raw: raw, subject: subject, sentence: sentence.text,
                start: rawStart, end: rawEnd,
                period: periods.last { $0.index < figure.start }?.period,
                decimals: figure.numeral.decimals)
            readings.append(
                Reading(
                    fact: fact,
                    breakdownBefore: contains(Lexicon.breakdownWords, from: between.0, to: between.1, matcher: matcher),
                    isEquivalent: contains(Lexicon.equivalentWords, from: between.0, to: between.1, matcher: matcher)))
        }
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
        if matcher.lower(figure.start - 1) == "từ", movesTo(after: figure.end, matcher: matcher) {
            return (unit == "%" ? .share : .level, minus)
        }
        switch unit {
        case "pp":
            let cue = cues.governingCue(before: figure.start, stop: previousEnd - 1)
            return (.contributionPP, minus || cue == .decrease)
        case "times":
            return (.ratio, false)
        case "%":
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
                return (.share, minus)
            }
        default:
            let cue = cues.adjacentCue(before: figure.start)
            if cue == .increase || cue == .decrease { return (growth(base), cue == .decrease || minus) }
            if figure.sign != .none { return (growth(base), minus) }
            return (.level, false)
        }
    }

    /// The kind of an amount that restates the change before it (*tăng 10%, tương đương 3 tỷ đồng*):
    /// a change written as an amount takes the growth kind of its base, and its sign when it names none.
    private func restatedChange(
        _ own: (FactKind, Bool), of figure: Figure, previous: (kind: FactKind, negative: Bool, estimate: Bool)?,
        isEquivalent: Bool
    ) -> (FactKind, Bool) {
        let changes: Set<FactKind> = [.growth, .growthYoY, .growthMoM]
        guard isEquivalent, let previous, changes.contains(previous.kind),
            !["%", "pp", "times"].contains(figure.unit?.unit ?? "%")
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
            } else if ["lên", "xuống", "còn"].contains(matcher.lower(index)) {
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

    /// Where the search for a figure's base stops: at the next figure that is not a coordinated change.
    private func baseStop(after position: Int, figures: [Figure], cues: KindCues) -> Int {
        var next = position + 1
        while next < figures.count {
            let figure = figures[next]
            let cue = cues.adjacentCue(before: figure.start)
            let isChange = cue == .increase || cue == .decrease || figure.rangeLow != nil || figure.sign != .none
            // An amount restating the change (*tăng 10%, tương đương 3 tỷ đồng so với cùng kỳ*) shares its base.
            let restates = contains(
                Lexicon.equivalentWords, from: figures[next - 1].end, to: figure.start, matcher: cues.matcher)
            if !isChange && !restates { return figure.start }
            next += 1
        }
        return Int.max
    }

    // MARK: - Phrase, hedge, subject

    /// The first token of the run of hedge and verb words right before the figure.
    private func phraseStart(before start: Int, limit: Int, matcher: TokenMatcher) -> Int {
        var index = start
        while index - 1 >= limit, matcher.tokens[index - 1].isWord,
            Lexicon.phraseWords.contains(matcher.tokens[index - 1])
        {
            index -= 1
        }
        if index - 1 >= limit, matcher.isSymbol(index - 1, "+") || matcher.isSymbol(index - 1, "-"),
            !matcher.tokens[start].spaceBefore, index == start
        {
            index -= 1
        }
        return index
    }

    /// Whether a hedge word stands in `from..<to`.
    private func hasHedge(from: Int, to: Int, matcher: TokenMatcher) -> Bool {
        contains(Lexicon.hedges, from: from, to: to, matcher: matcher)
    }

    /// Whether the figure is the first of a clause that opens with a hedge (*Dự ước chỉ số … tăng 1,3%*);
    /// the first figure of a sentence that opens with one (*Ước tính cả năm, sản lượng đạt …*) is too.
    private func hedgeOpensClause(before start: Int, previousEnd: Int, matcher: TokenMatcher) -> Bool {
        var first = start
        while first - 1 >= 0, !matcher.isPhraseEnd(first - 1) { first -= 1 }
        guard first >= previousEnd || previousEnd == 0 else { return false }
        return Lexicon.clauseHedges.longest(in: matcher, at: first) != nil
    }

    /// Whether one of `phrases` starts in `from..<to`.
    private func contains(_ phrases: PhraseTable<Bool>, from: Int, to: Int, matcher: TokenMatcher) -> Bool {
        guard from < to else { return false }
        return (from..<to).contains { phrases.longest(in: matcher, at: $0) != nil }
    }

    /// The month of the nearest period named before `index` (a month or a year-to-date).
    private func nearestMonth(before index: Int, in periods: [PeriodScanner.Mention]) -> Int? {
        periods.last { $0.index < index && ($0.period.span == .month || $0.period.span == .yearToDate) }?.period.number
    }

    /// The words of the figure's clause before its phrase, as a short subject.
    private func subjectPhrase(before start: Int, limit: Int, matcher: TokenMatcher) -> String {
        var first = start
        while first - 1 >= limit {
            if matcher.isSymbol(first - 1, ")"), let open = matcher.openingBracket(before: first - 1), open >= limit {
                first = open
                continue
            }
            if matcher.isPhraseEnd(first - 1) { break }
            first -= 1
        }
        var words = Array(matcher.tokens[first..<start])
        while let head = words.first, head.kind == .symbol || Self.subjectLeadWords.contains(head.lower) {
            words.removeFirst()
        }
        if words.count > 10 { words = Array(words.suffix(10)) }
        var text = ""
        for token in words {
            if !text.isEmpty && token.spaceBefore { text += " " }
            text += token.text
        }
        return text
    }
}
