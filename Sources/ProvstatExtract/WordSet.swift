/// A set of words, looked up by `WordKey`.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private let keys: KeyTable<Bool>

    init(arrayLiteral words: String...) {
        keys = KeyTable(words.map { (WordKey.of($0), true) })
    }

    /// Whether the token's lower-case text is in the set.
    func contains(_ token: Token) -> Bool { keys.contains(token.key) }

    /// Whether `word` (lower-case) is in the set.
    func contains(_ word: String) -> Bool { keys.contains(WordKey.of(word)) }
}
