/// One token of a sentence: a word (syllable), a number as written, or a symbol.
///
/// A token holds no text of its own, only where it stands in the text it was read from
/// (`TokenMatcher.text(_:)` reads it there): a plain value without references, so that tokens
/// are copied and freed without reference counting, by the hundred thousand.
struct Token: Sendable {
    /// What a token is.
    enum Kind: Sendable { case word, number, symbol }

    // Offsets are stored in 32 bits (the page limit keeps them there) and the flags together, so
    // that a token takes 32 bytes.

    /// `WordKey` of the lower-case text, for constant-time lexicon lookups.
    let key: UInt64
    private let start32: Int32
    private let end32: Int32
    private let utf8Start32: Int32
    private let utf8End32: Int32
    let kind: Kind
    /// The first byte of the text: symbols (clause ends) and ASCII capitals are told by it
    /// without reading the sentence.
    let firstByte: UInt8
    /// Whether the text may hold capitals (`Tokenizer.keyIfLowercase` is nil): only then is the
    /// lower-case text made anew when asked for.
    let mayChangeCase: Bool
    /// Whether whitespace separates this token from the previous one.
    let spaceBefore: Bool

    init(
        kind: Kind, firstByte: UInt8, mayChangeCase: Bool, start: Int, end: Int, utf8Range: Range<Int>,
        spaceBefore: Bool, key: UInt64
    ) {
        self.key = key
        // Offsets fit: the tokenizer counts them in 32 bits already (`Tokenizer.withDecoded`).
        start32 = Int32(truncatingIfNeeded: start)
        end32 = Int32(truncatingIfNeeded: end)
        utf8Start32 = Int32(truncatingIfNeeded: utf8Range.lowerBound)
        utf8End32 = Int32(truncatingIfNeeded: utf8Range.upperBound)
        self.kind = kind
        self.firstByte = firstByte
        self.mayChangeCase = mayChangeCase
        self.spaceBefore = spaceBefore
    }

    /// Offset of the first scalar in the sentence.
    var start: Int { Int(start32) }
    /// Offset after the last scalar in the sentence.
    var end: Int { Int(end32) }
    /// Byte offsets of the token in the sentence's UTF-8.
    var utf8Range: Range<Int> { Int(utf8Start32)..<Int(utf8End32) }
    /// The number of UTF-8 bytes of the token's text.
    var utf8Count: Int { Int(utf8End32 &- utf8Start32) }

    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }
}
