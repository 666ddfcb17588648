/// One token of a sentence: a word (syllable), a number as written, or a symbol.
struct Token: Sendable {
    /// What a token is.
    enum Kind: Sendable { case word, number, symbol }

    let kind: Kind
    /// The token as written.
    let text: String
    /// Whether the text may hold capitals (`Tokenizer.mayChangeCase`), so that `lower` is made
    /// from it when asked for. Most words are lower-case: a token keeps one string, not two,
    /// which halves what copying it retains.
    let mayChangeCase: Bool
    /// Offset of the first scalar in the sentence.
    let start: Int
    /// Offset after the last scalar in the sentence.
    let end: Int
    /// Byte offsets of the token in the sentence's UTF-8.
    let utf8Range: Range<Int>
    /// Whether whitespace separates this token from the previous one.
    let spaceBefore: Bool
    /// `WordKey` of `lower`, for constant-time lexicon lookups.
    let key: UInt64

    /// Lower-cased text, for matching.
    var lower: String { mayChangeCase ? Tokenizer.lowercasedWord(text) : text }

    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }

    /// Whether the word starts with a capital letter.
    var isCapitalised: Bool {
        guard kind == .word else { return false }
        // An ASCII letter answers without a Unicode property lookup: only A–Z are upper-case there.
        if let byte = text.utf8.first, byte < 0x80 { return byte >= 0x41 && byte <= 0x5A }
        guard let first = text.unicodeScalars.first else { return false }
        return first.properties.isUppercase
    }
}
