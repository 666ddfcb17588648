/// Phrases (lower-case token texts) indexed by their first and last token, so matching one at a
/// position costs a dictionary lookup instead of a scan of the whole lexicon.
struct PhraseTable<Value: Sendable>: Sendable {
    /// A phrase and what it stands for.
    typealias Entry = (phrase: [String], value: Value)

    private let byFirst: [String: [Entry]]
    private let byLast: [String: [Entry]]

    init(_ entries: [Entry]) {
        let sorted = entries.filter { !$0.phrase.isEmpty }.sorted { $0.phrase.count > $1.phrase.count }
        byFirst = Dictionary(grouping: sorted, by: { $0.phrase[0] })
        byLast = Dictionary(grouping: sorted, by: { $0.phrase[$0.phrase.count - 1] })
    }

    /// The phrases that start at `index`, longest first.
    func matches(in matcher: TokenMatcher, at index: Int) -> [Entry] {
        guard let candidates = byFirst[matcher.lower(index)] else { return [] }
        return candidates.filter { matcher.matches($0.phrase, at: index) }
    }

    /// The longest phrase that starts at `index`.
    func longest(in matcher: TokenMatcher, at index: Int) -> Entry? {
        byFirst[matcher.lower(index)]?.first { matcher.matches($0.phrase, at: index) }
    }

    /// The longest phrase that ends at `index`.
    func longest(in matcher: TokenMatcher, endingAt index: Int) -> Entry? {
        byLast[matcher.lower(index)]?.first { matcher.matches($0.phrase, endingAt: index) }
    }
}

extension PhraseTable where Value == Bool {
    /// A table of plain phrases (written as text, tokenized like sentences).
    init(phrases: [String]) {
        self.init(phrases.map { (Tokenizer.phrase($0), true) })
    }
}
