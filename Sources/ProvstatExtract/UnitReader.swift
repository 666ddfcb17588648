/// Reads the scale word and unit written after a number (`nghìn tỷ đồng`, `%`, `dự án`, `USD/tấn`).
struct UnitReader {
    /// A unit found after a number.
    struct Match: Sendable {
        /// Canonical unit (`VND`, `%`, `dự án`, `VND/kg` …).
        var unit: String
        /// Power of ten of the scale word (`triệu` → 6).
        var exponent: Int
        /// Token index after the unit.
        var end: Int
        /// Whether the unit is a counted noun rather than a measure.
        var isCountedNoun: Bool
        /// Whether the counted noun was guessed (not in the lexicon).
        var isGuessed: Bool
    }

    /// Why there is no unit after a number.
    enum Miss: Sendable {
        /// Nothing usable follows.
        case none
        /// A noun of time follows: the number is a period (*10 tháng*).
        case period
        /// A furniture noun follows (*lượt xem*): the number is no statistic.
        case furniture
    }

    /// What `read` found.
    enum Outcome: Sendable {
        case unit(Match)
        case miss(Miss)
    }

    let matcher: TokenMatcher
    /// The word tables asked about at every figure (fetched once, not one static at a time).
    var tables = ReadingTables.shared

    /// Words after `đồng` that make it part of another word (*đồng bằng*, *đồng thời*).
    static let notCurrencyAfterDong: WordSet = [
        "bằng", "thời", "chí", "bào", "ruộng", "lúa", "hồ", "nghiệp", "bộ", "ý", "hành", "loạt", "đều", "tâm",
        "khởi", "phục", "tiền", "xu", "minh", "thuận", "thau", "cỏ", "đội", "dao", "bạc", "vàng",
    ]

    /// Words after *vụ* that make it a crop season, not an incident.
    static let cropWords: WordSet = [
        "lúa", "đông", "xuân", "hè", "thu", "mùa", "chiêm", "màu", "rau", "ngô", "sản", "trước", "này", "tới", "sau",
    ]

    /// Whether `unit` is `canonical` (`%`, `pp`, `times` …): told by the length first, since most
    /// units are not the one asked about and comparing unequal strings takes the slow path.
    @inline(__always)
    static func unit(_ unit: String, is canonical: String) -> Bool {
        unit.utf8.count == canonical.utf8.count && unit == canonical
    }

    /// The unit starting at token `start`; `allowGuess` lets an unknown lower-case word count,
    /// unless the word at `capitalised` (the one before the number) is capitalised: that is
    /// asked only when it comes to guessing (few numbers get there), a capital being costly to tell.
    func read(from start: Int, allowGuess: Bool, unlessCapitalised capitalised: Int? = nil) -> Outcome {
        let tokens = matcher.tokens
        var index = start
        var exponent = 0
        if let scale = tables.scales.longest(in: matcher, at: index) {
            exponent = scale.value
            index += scale.length
        }
        guard index < tokens.count else { return .miss(.none) }
        if tables.furnitureNouns.longest(in: matcher, at: index) != nil { return .miss(.furniture) }
        let measure = tables.units.first(in: matcher, at: index) { entry in
            let end = index + entry.length
            // (The one word matched is the token at `index`: told by its key, no string compared.)
            if entry.length == 1, matcher.lowerIs(index, "đồng"),
                tables.notCurrencyAfterDong.contains(key: matcher.key(end))
            {
                return false
            }
            // A measure word glued to more letters is another word (`hai` is not `ha`).
            return !(end < tokens.count && tokens[end].isWord && !tokens[end].spaceBefore)
        }
        if let entry = measure {
            let end = index + entry.length
            let unit = entry.value
            return .unit(
                rate(
                    Match(
                        unit: unit.unit, exponent: exponent + unit.exponent, end: end, isCountedNoun: false,
                        isGuessed: false)))
        }
        guard tokens[index].isWord else { return .miss(.none) }
        if let length = tables.compoundNouns.longest(in: matcher, at: index)?.length {
            let noun = Self.lowerText(from: index, to: index + length, matcher: matcher)
            return .unit(
                rate(Match(unit: noun, exponent: exponent, end: index + length, isCountedNoun: true, isGuessed: false)))
        }
        // *12 vụ tai nạn giao thông*: incidents counted; *2 vụ lúa*, *vụ Đông Xuân* are crop seasons.
        if matcher.lowerIs(index, "vụ"), index + 1 < tokens.count, tokens[index + 1].isWord,
            !tables.cropWords.contains(key: tokens[index + 1].key)
        {
            return .unit(
                rate(Match(unit: "vụ", exponent: exponent, end: index + 1, isCountedNoun: true, isGuessed: false)))
        }
        if tables.timeNouns.contains(key: tokens[index].key) { return .miss(.period) }
        // The lower-case text is made only for a noun that becomes the unit.
        let word = matcher.lower(index)
        if tables.simpleNouns.contains(key: tokens[index].key) {
            return .unit(
                rate(Match(unit: word, exponent: exponent, end: index + 1, isCountedNoun: true, isGuessed: false)))
        }
        guard allowGuess, tokens[index].spaceBefore, !(capitalised.map(matcher.isCapitalised) ?? false),
            !matcher.isCapitalised(index),
            !tables.notNouns.contains(key: tokens[index].key),
            word.unicodeScalars.count >= 2, word.unicodeScalars.allSatisfy(Tokenizer.isLetter)
        else { return .miss(.none) }
        return .unit(rate(Match(unit: word, exponent: exponent, end: index + 1, isCountedNoun: true, isGuessed: true)))
    }

    /// The lower-case texts of tokens `from..<to` joined by spaces, written into the string's
    /// storage at once (no array of texts, no regrowth).
    private static func lowerText(from start: Int, to end: Int, matcher: TokenMatcher) -> String {
        // A token written in lower case (nearly every one) is copied from the sentence as it
        // stands, without making a string of it: only the others are lower-cased.
        let capacity = (start..<end).reduce(0) {
            $0 + 1 + (matcher.tokens[$1].mayChangeCase ? matcher.lower($1).utf8.count : matcher.tokens[$1].utf8Count)
        }
        return TokenMatcher.text(capacity: capacity) { text in
            for index in start..<end {
                if index > start { text.append(byte: 0x20) }
                if matcher.tokens[index].mayChangeCase {
                    text.append(matcher.lower(index))
                } else {
                    text.append(tokenAt: index, of: matcher)
                }
            }
        }
    }

    /// Extends a unit by a `/denominator` (*đồng/kg* → `VND/kg`).
    private func rate(_ match: Match) -> Match {
        let tokens = matcher.tokens
        // *180,2 triệu lượt khách.km*, *tấn.km*: a product of units, a measure of its own.
        if matcher.isSymbol(match.end, "."), match.end + 1 < tokens.count, !tokens[match.end].spaceBefore,
            !tokens[match.end + 1].spaceBefore, matcher.lowerIs(match.end + 1, "km")
        {
            return Match(
                unit: match.unit + ".km", exponent: match.exponent, end: match.end + 2, isCountedNoun: false,
                isGuessed: false)
        }
        let slash = match.end
        // A capitalised denominator is a unit only when it is a known one (*VND/USD*), not a name.
        // The slash first: most units have none after them, and it costs no string comparison.
        guard matcher.isSymbol(slash, "/"), match.unit != "%", match.unit != "tạ/ha", slash + 1 < tokens.count,
            tokens[slash + 1].isWord,
            !matcher.isCapitalised(slash + 1) || tables.units.longest(in: matcher, at: slash + 1) != nil
        else { return match }
        var denominator = matcher.lower(slash + 1)
        var end = slash + 2
        if let length = tables.compoundNouns.longest(in: matcher, at: slash + 1)?.length {
            denominator = Self.lowerText(from: slash + 1, to: slash + 1 + length, matcher: matcher)
            end = slash + 1 + length
        } else if let unit = tables.units.longest(in: matcher, at: slash + 1) {
            let written = tables.units.phrase(of: unit).joined()
            denominator =
                unit.value.unit == "t" ? "tấn" : written == unit.value.unit.lowercased() ? unit.value.unit : written
            end = slash + 1 + unit.length
        }
        var result = match
        result.unit = match.unit + "/" + denominator
        result.end = end
        return result
    }
}
