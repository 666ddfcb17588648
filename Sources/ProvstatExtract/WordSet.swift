/// A set of words, looked up by `WordKey`.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private let keys: KeyTable<Bool>

    init(arrayLiteral words: String...) {
        self.init(words)
    }

    /// The set of `words` (lower-case).
    init(_ words: [String]) {
        keys = KeyTable(words.map { (WordKey.of($0), true) })
    }

    /// Whether the token's lower-case text is in the set.
    // Inlined: asked at every token.
    @inline(__always)
    func contains(_ token: Token) -> Bool { keys.contains(token.key) }

    /// Whether a word with this `WordKey` is in the set.
    func contains(key: UInt64) -> Bool { keys.contains(key) }

    /// Whether `word` (lower-case) is in the set.
    func contains(_ word: String) -> Bool { keys.contains(WordKey.of(word)) }
}
