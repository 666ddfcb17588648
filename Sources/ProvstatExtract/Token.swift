/// One token of a sentence: a word (syllable), a number as written, or a symbol.
struct Token: Sendable {
    /// What a token is.
    enum Kind: Sendable { case word, number, symbol }

    // Offsets are stored in 32 bits (the page limit keeps them there) and the flags together, so
    // that a token takes 48 bytes, not 80: tokens are copied and stored by the hundred thousand.

    /// The token as written.
    let text: String
    /// `WordKey` of `lower`, for constant-time lexicon lookups.
    let key: UInt64
    private let start32: Int32
    private let end32: Int32
    private let utf8Start32: Int32
    private let utf8End32: Int32
    let kind: Kind
    /// Whether the text may hold capitals (`Tokenizer.mayChangeCase`), so that `lower` is made
    /// from it when asked for. Most words are lower-case: a token keeps one string, not two,
    /// which halves what copying it retains.
    let mayChangeCase: Bool
    /// Whether whitespace separates this token from the previous one.
    let spaceBefore: Bool

    init(
        kind: Kind, text: String, mayChangeCase: Bool, start: Int, end: Int, utf8Range: Range<Int>,
        spaceBefore: Bool, key: UInt64
    ) {
        self.text = text
        self.key = key
        // Offsets fit: the tokenizer counts them in 32 bits already (`Tokenizer.withDecoded`).
        start32 = Int32(truncatingIfNeeded: start)
        end32 = Int32(truncatingIfNeeded: end)
        utf8Start32 = Int32(truncatingIfNeeded: utf8Range.lowerBound)
        utf8End32 = Int32(truncatingIfNeeded: utf8Range.upperBound)
        self.kind = kind
        self.mayChangeCase = mayChangeCase
        self.spaceBefore = spaceBefore
    }

    /// Offset of the first scalar in the sentence.
    var start: Int { Int(start32) }
    /// Offset after the last scalar in the sentence.
    var end: Int { Int(end32) }
    /// Byte offsets of the token in the sentence's UTF-8.
    var utf8Range: Range<Int> { Int(utf8Start32)..<Int(utf8End32) }

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
