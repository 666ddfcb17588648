/// One token of a sentence: a word (syllable), a number as written, or a symbol.
struct Token: Sendable {
    /// What a token is.
    enum Kind: Sendable { case word, number, symbol }

    let kind: Kind
    /// The token as written.
    let text: String
    /// Lower-cased text, for matching.
    let lower: String
    /// Offset of the first scalar in the sentence.
    let start: Int
    /// Offset after the last scalar in the sentence.
    let end: Int
    /// Whether whitespace separates this token from the previous one.
    let spaceBefore: Bool

    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }

    /// Whether the word starts with a capital letter.
    var isCapitalised: Bool {
        guard kind == .word, let first = text.unicodeScalars.first else { return false }
        return first.properties.isUppercase
    }
}

/// Splits a sentence (NFC) into tokens in one pass over its Unicode scalars.
///
/// Numbers keep their separators (`23.429,4`); words glued to a number are split off, and a word
/// glued in front of a number is split when it ends with a known verb (`chế tạotăng1,36%`).
enum Tokenizer {
    /// Verbs and hedges that pages glue to the number after them.
    private static let gluedPrefixes: [String] = [
        "tăng", "giảm", "đạt", "khoảng", "hơn", "gần", "trên", "chiếm", "bằng", "vượt", "gấp", "ước", "còn",
        "thêm", "là", "có",
    ].sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }

    /// Whether `word` (lower-case) is a verb or hedge that may be glued to its number.
    static func isGluedVerb(_ word: String) -> Bool { gluedPrefixes.contains(word) }

    /// The tokens of `scalars`.
    static func tokens(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 3)
        var index = 0
        var spaceBefore = false
        let count = scalars.count
        while index < count {
            let scalar = scalars[index]
            if isSpace(scalar) {
                spaceBefore = true
                index += 1
                continue
            }
            let start = index
            if isDigit(scalar) {
                index += 1
                while index < count {
                    if isDigit(scalars[index]) {
                        index += 1
                    } else if scalars[index] == "." || scalars[index] == ",", index + 1 < count,
                        isDigit(scalars[index + 1])
                    {
                        index += 2
                    } else {
                        break
                    }
                }
                tokens.append(make(.number, scalars, start, index, spaceBefore))
            } else if isLetter(scalar) {
                index += 1
                while index < count, isLetter(scalars[index]) { index += 1 }
                // Square and cubic metres: `m2`, `km3`, `m²`.
                if index < count, isPowerSuffix(scalars, start: start, end: index, next: index) {
                    index += 1
                }
                if index < count, isDigit(scalars[index]),
                    let split = gluedSplit(scalars, start: start, end: index)
                {
                    if split > start { tokens.append(make(.word, scalars, start, split, spaceBefore)) }
                    tokens.append(make(.word, scalars, split, index, split == start ? spaceBefore : false))
                } else {
                    tokens.append(make(.word, scalars, start, index, spaceBefore))
                }
            } else {
                index += 1
                tokens.append(make(.symbol, scalars, start, index, spaceBefore))
            }
            spaceBefore = false
        }
        return tokens
    }

    /// The lower-case token texts of a lexicon phrase.
    static func phrase(_ text: String) -> [String] {
        tokens(Array(text.unicodeScalars)).map(\.lower)
    }

    // MARK: - Scalar classes

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x200B, 0x2009, 0x202F, 0x3000, 0xFEFF: return true
        default: return scalar.value > 0x7F && scalar.properties.isWhitespace
        }
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        if value == 0xB2 || value == 0xB3 { return false }
        return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
    }

    // MARK: - Helpers

    private static func make(
        _ kind: Token.Kind, _ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, _ spaceBefore: Bool
    ) -> Token {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[start..<end])
        let string = String(text)
        return Token(
            kind: kind, text: string, lower: kind == .word ? string.lowercased() : string, start: start,
            end: end, spaceBefore: spaceBefore)
    }

    /// Whether `m`/`km` is followed by a `2`/`3`/`²`/`³` that ends the token.
    private static func isPowerSuffix(_ scalars: [Unicode.Scalar], start: Int, end: Int, next: Int) -> Bool {
        let length = end - start
        guard length <= 2 else { return false }
        let word = String(String.UnicodeScalarView(scalars[start..<end])).lowercased()
        guard word == "m" || word == "km" else { return false }
        let power = scalars[next]
        guard power == "2" || power == "3" || power == "²" || power == "³" else { return false }
        return next + 1 >= scalars.count || !isDigit(scalars[next + 1])
    }

    /// Where to split a word glued to the number after it; nil when it should stay whole.
    private static func gluedSplit(_ scalars: [Unicode.Scalar], start: Int, end: Int) -> Int? {
        let word = String(String.UnicodeScalarView(scalars[start..<end])).lowercased()
        for prefix in gluedPrefixes where word.hasSuffix(prefix) {
            return end - prefix.unicodeScalars.count
        }
        return nil
    }
}
