/// Phrases (lower-case token texts) indexed by their first and last token, so matching one at a
/// position costs a dictionary lookup instead of a scan of the whole lexicon.
struct PhraseTable<Value: Sendable>: Sendable {
    /// A phrase and what it stands for.
    typealias Entry = (phrase: [String], value: Value)

    /// An entry with the `WordKey`s of its phrase.
    private struct Keyed: Sendable {
        let keys: [UInt64]
        let entry: Entry
    }

    /// The tables, in one object: a copy of a phrase table (taken each time one is read from a
    /// class's property) retains it once, not each table.
    private final class Tables: Sendable {
        let byFirst: KeyTable<[Keyed]>
        let byLast: KeyTable<[Keyed]>
        let firstKeys: [UInt64]

        init(byFirst: KeyTable<[Keyed]>, byLast: KeyTable<[Keyed]>, firstKeys: [UInt64]) {
            self.byFirst = byFirst
            self.byLast = byLast
            self.firstKeys = firstKeys
        }
    }

    private let tables: Tables
    private var byFirst: KeyTable<[Keyed]> { tables.byFirst }
    private var byLast: KeyTable<[Keyed]> { tables.byLast }
    /// The `WordKey`s phrases start with.
    var firstKeys: [UInt64] { tables.firstKeys }

    init(_ entries: [Entry]) {
        let sorted = entries.filter { !$0.phrase.isEmpty }.sorted { $0.phrase.count > $1.phrase.count }
            .map { Keyed(keys: $0.phrase.map(WordKey.of), entry: $0) }
        // Grouping keeps each key's phrases longest first.
        let grouped = Dictionary(grouping: sorted, by: { $0.keys[0] })
        tables = Tables(
            byFirst: KeyTable(grouped.map { ($0.key, $0.value) }),
            byLast: KeyTable(
                Dictionary(grouping: sorted, by: { $0.keys[$0.keys.count - 1] }).map { ($0.key, $0.value) }),
            firstKeys: Array(grouped.keys))
    }

    /// The longest phrase that starts at `index` and satisfies `accept` (the phrases starting
    /// there are tried longest first, without building a list of them).
    func first(in matcher: TokenMatcher, at index: Int, where accept: (Entry) -> Bool) -> Entry? {
        guard index >= 0, index < matcher.tokens.count, let candidates = byFirst[matcher.tokens[index].key] else {
            return nil
        }
        // Counted loops, here and below: an iterator over the nested generic `Keyed` is left
        // unspecialized (its every step a protocol witness), and this runs several times a token.
        var position = 0
        while position < candidates.count {
            if Self.matches(candidates[position].keys, matcher, at: index) && accept(candidates[position].entry) {
                return candidates[position].entry
            }
            position += 1
        }
        return nil
    }

    /// The longest phrase that starts at `index`.
    func longest(in matcher: TokenMatcher, at index: Int) -> Entry? {
        guard index >= 0, index < matcher.tokens.count, let candidates = byFirst[matcher.tokens[index].key] else {
            return nil
        }
        var position = 0
        while position < candidates.count {
            if Self.matches(candidates[position].keys, matcher, at: index) { return candidates[position].entry }
            position += 1
        }
        return nil
    }

    /// The longest phrase that ends at `index`.
    func longest(in matcher: TokenMatcher, endingAt index: Int) -> Entry? {
        guard index >= 0, index < matcher.tokens.count, let candidates = byLast[matcher.tokens[index].key] else {
            return nil
        }
        var position = 0
        while position < candidates.count {
            let keys = candidates[position].keys
            if Self.matches(keys, matcher, at: index - keys.count + 1) { return candidates[position].entry }
            position += 1
        }
        return nil
    }

    private static func matches(_ keys: [UInt64], _ matcher: TokenMatcher, at index: Int) -> Bool {
        guard index >= 0, index + keys.count <= matcher.tokens.count else { return false }
        var offset = 0
        while offset < keys.count {
            if matcher.tokens[index + offset].key != keys[offset] { return false }
            offset += 1
        }
        return true
    }
}

extension PhraseTable where Value == Bool {
    /// A table of plain phrases (written as text, tokenized like sentences).
    init(phrases: [String]) {
        self.init(phrases.map { (Tokenizer.phrase($0), true) })
    }
}
