/// Where the lexicon's tables (`KeyTable`, `PhraseTable`) place a `WordKey`: a bit in a filter of
/// one cache line, which answers most lookups of words a table lacks before any slot is read, and
/// the first slot of the probe.
enum KeySlots {
    /// The words of a filter: 512 bits, one cache line.
    static var filterWords: Int { 8 }

    /// A key's bit in a filter: its top three bits choose the word, the next six the bit (the
    /// slots are chosen by the low bits).
    @inline(__always)
    static func filterBit(_ key: UInt64) -> (word: Int, bit: UInt64) {
        (Int(truncatingIfNeeded: key >> 61), 1 << ((key >> 55) & 63))
    }

    /// The slot a probe for `key` starts at, in a table of `mask + 1` slots.
    @inline(__always)
    static func start(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: key ^ (key >> 32)) & mask
    }
}
