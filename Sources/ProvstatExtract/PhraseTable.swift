/// Phrases (lower-case token texts) indexed by their first and last token, so matching one at a
/// position costs a hash probe instead of a scan of the whole lexicon.
///
/// Lookups run several times a token, so the table is laid out flat, in one block of 64-bit
/// words: two filters, two open-addressed slot arrays (by first and by last key) and, after them,
/// the phrases of each key, longest first, each as its length and entry index followed by its
/// tokens' keys. A lookup reads a slot and then the phrases right after one another — no array of
/// arrays to chase — and returns a `Match` that holds no phrase (a trivial value, for most tables,
/// retains nothing).
///
/// Most tokens start (or end) no phrase of a table. A filter, one cache line of bits set by the
/// keys' top bits, answers most of those lookups from a line that stays cached, where the slots,
/// spread over kilobytes, would cost a cache miss.
struct PhraseTable<Value: Sendable>: @unchecked Sendable {
    // Unchecked: `words` points into `storage`, which the table keeps alive and never changes.

    /// A phrase and what it stands for.
    typealias Entry = (phrase: [String], value: Value)

    /// A phrase found in a sentence.
    struct Match {
        /// How many tokens the phrase covers.
        let length: Int
        /// The phrase's index among the entries the table was made of (for `phrase(of:)`).
        let entry: Int
        /// What the phrase stands for.
        let value: Value
    }

    private let storage: Storage
    /// The filter of first keys, of last keys (`KeySlots.filterWords` each), the slots by first
    /// key, by last key (`mask + 1` of each, two words a slot: the key, then the run of its
    /// phrases as `start << 32 | count`, count 0 for an empty slot), then the runs.
    private let words: UnsafePointer<UInt64>
    /// The entries' values, by entry.
    private let values: UnsafePointer<Value>
    private let mask: Int

    /// The words and the entries, written once when the table is made.
    private final class Storage: @unchecked Sendable {
        let words: UnsafeMutablePointer<UInt64>
        let values: UnsafeMutablePointer<Value>
        let phrases: [[String]]
        let firstKeys: [UInt64]

        init(words: [UInt64], entries: [Entry], firstKeys: [UInt64]) {
            // On a cache line's boundary, so that each filter is one line.
            self.words = UnsafeMutableRawPointer.allocate(byteCount: words.count * 8, alignment: 64)
                .initializeMemory(as: UInt64.self, from: words, count: words.count)
            values = .allocate(capacity: entries.count)
            values.initialize(from: entries.map(\.value), count: entries.count)
            phrases = entries.map(\.phrase)
            self.firstKeys = firstKeys
        }

        deinit {
            words.deallocate()
            values.deinitialize(count: phrases.count)
            values.deallocate()
        }
    }

    init(_ entries: [Entry]) {
        let keys = entries.map { $0.phrase.map(WordKey.of) }
        // Longest first; among phrases of one length, the earlier entry first.
        let ordered = entries.indices.filter { !keys[$0].isEmpty }.sorted { first, second in
            keys[first].count != keys[second].count ? keys[first].count > keys[second].count : first < second
        }
        // At most half the slots full: the filter stops most lookups of absent keys, and a smaller
        // table is likelier to be in cache for the rest.
        let keyCount = max(Set(ordered.map { keys[$0][0] }).count, Set(ordered.map { keys[$0].last ?? 0 }).count)
        var size = 8
        while size < keyCount * 2 { size <<= 1 }
        var words = [UInt64](repeating: 0, count: 2 * KeySlots.filterWords + 4 * size)
        var firstKeys: [UInt64] = []
        for byLast in [false, true] {
            // Each key's phrases, in the order of `ordered` (so longest first).
            var runs: [UInt64: [Int]] = [:]
            var order: [UInt64] = []
            for entry in ordered {
                let key = byLast ? keys[entry][keys[entry].count - 1] : keys[entry][0]
                if runs[key] == nil { order.append(key) }
                runs[key, default: []].append(entry)
            }
            if !byLast { firstKeys = order }
            let (filter, slots) = Self.offsets(byLast: byLast, mask: size - 1)
            for key in order {
                let (word, bit) = KeySlots.filterBit(key)
                words[filter + word] |= bit
                var slot = KeySlots.start(key, mask: size - 1)
                while words[slots + 2 * slot + 1] != 0 { slot = (slot + 1) & (size - 1) }
                let run = runs[key] ?? []
                words[slots + 2 * slot] = key
                words[slots + 2 * slot + 1] = UInt64(words.count) << 32 | UInt64(run.count)
                for entry in run {
                    words.append(UInt64(keys[entry].count) | UInt64(entry) << 32)
                    words.append(contentsOf: keys[entry])
                }
            }
        }
        storage = Storage(words: words, entries: entries, firstKeys: firstKeys)
        self.words = UnsafePointer(storage.words)
        values = UnsafePointer(storage.values)
        mask = size - 1
    }

    /// The `WordKey`s phrases start with.
    var firstKeys: [UInt64] { storage.firstKeys }

    /// The matched phrase, as the table holds it.
    func phrase(of match: Match) -> [String] { storage.phrases[match.entry] }

    /// The longest phrase that starts at `index` and satisfies `accept` (the phrases starting
    /// there are tried longest first, without building a list of them).
    func first(in matcher: TokenMatcher, at index: Int, where accept: (Match) -> Bool) -> Match? {
        guard index >= 0, index < matcher.tokens.count, mayHold(matcher.tokens[index].key, byLast: false) else {
            return nil
        }
        return scan(matcher.tokens[index].key, byLast: false, in: matcher, at: index, where: accept)
    }

    /// The longest phrase that starts at `index`.
    // Inlined as far as the filter, which ends most lookups: those make no call.
    @inline(__always)
    func longest(in matcher: TokenMatcher, at index: Int) -> Match? {
        guard index >= 0, index < matcher.tokens.count, mayHold(matcher.tokens[index].key, byLast: false) else {
            return nil
        }
        return longest(startingWith: matcher.tokens[index].key, in: matcher, at: index)
    }

    /// The longest phrase that ends at `index`.
    @inline(__always)
    func longest(in matcher: TokenMatcher, endingAt index: Int) -> Match? {
        guard index >= 0, index < matcher.tokens.count, mayHold(matcher.tokens[index].key, byLast: true) else {
            return nil
        }
        return longest(endingWith: matcher.tokens[index].key, in: matcher, at: index)
    }

    @inline(never)
    private func longest(startingWith key: UInt64, in matcher: TokenMatcher, at index: Int) -> Match? {
        scan(key, byLast: false, in: matcher, at: index) { _ in true }
    }

    @inline(never)
    private func longest(endingWith key: UInt64, in matcher: TokenMatcher, at index: Int) -> Match? {
        scan(key, byLast: true, in: matcher, at: index) { _ in true }
    }

    /// The first of the phrases starting (or ending, `byLast`) with `key` at `index`, longest
    /// first, that stands there and satisfies `accept` (the filter let the key through).
    @inline(__always)
    private func scan(
        _ key: UInt64, byLast: Bool, in matcher: TokenMatcher, at index: Int, where accept: (Match) -> Bool
    ) -> Match? {
        // The phrases are read through pointers into `storage`: it must outlive the reading.
        defer { withExtendedLifetime(storage) {} }
        guard var (record, count) = run(of: key, byLast: byLast) else { return nil }
        while count > 0 {
            let (length, entry) = Self.header(words[record])
            // The slot's key is the phrase's first (or last): the rest of the phrase is compared.
            let matched =
                byLast
                ? Self.matches(words + record + 1, length - 1, matcher, at: index - length + 1)
                : Self.matches(words + record + 2, length - 1, matcher, at: index + 1)
            if matched {
                let match = Match(length: length, entry: entry, value: values[entry])
                if accept(match) { return match }
            }
            record += 1 + length
            count -= 1
        }
        return nil
    }

    /// Whether the filter lets `key` through: false when no phrase starts (or ends) with it.
    @inline(__always)
    private func mayHold(_ key: UInt64, byLast: Bool) -> Bool {
        defer { withExtendedLifetime(storage) {} }
        let (word, bit) = KeySlots.filterBit(key)
        return words[Self.offsets(byLast: byLast, mask: mask).filter + word] & bit != 0
    }

    /// Where the phrases whose first (or last) key is `key` start in `words`, and how many there are
    /// (the filter, asked before, let the key through).
    @inline(__always)
    private func run(of key: UInt64, byLast: Bool) -> (start: Int, count: Int)? {
        let slots = Self.offsets(byLast: byLast, mask: mask).slots
        var slot = KeySlots.start(key, mask: mask)
        while true {
            let run = words[slots + 2 * slot + 1]
            if run == 0 { return nil }
            if words[slots + 2 * slot] == key { return (Int(run >> 32), Int(run & 0xffff_ffff)) }
            slot = (slot + 1) & mask
        }
    }

    /// The length and entry of a phrase, from its first word (`length | entry << 32`).
    @inline(__always)
    private static func header(_ word: UInt64) -> (length: Int, entry: Int) {
        (Int(word & 0xffff_ffff), Int(word >> 32))
    }

    /// Whether the `count` keys at `keys` are those of the tokens from `index` on.
    @inline(__always)
    private static func matches(_ keys: UnsafePointer<UInt64>, _ count: Int, _ matcher: TokenMatcher, at index: Int)
        -> Bool
    {
        guard index >= 0, index + count <= matcher.tokens.count else { return false }
        var offset = 0
        while offset < count {
            if matcher.tokens[index + offset].key != keys[offset] { return false }
            offset += 1
        }
        return true
    }

    /// Where the filter and the slots by first (or last) key are in `words`.
    @inline(__always)
    private static func offsets(byLast: Bool, mask: Int) -> (filter: Int, slots: Int) {
        byLast
            ? (KeySlots.filterWords, 2 * KeySlots.filterWords + 2 * (mask + 1)) : (0, 2 * KeySlots.filterWords)
    }
}

extension PhraseTable where Value == Bool {
    /// A table of plain phrases (written as text, tokenized like sentences).
    init(phrases: [String]) {
        self.init(phrases.map { (Tokenizer.phrase($0), true) })
    }
}
