/// A 64-bit FNV-1a hash of a word's UTF-8 bytes: lexicon lookups hash integers instead of
/// Unicode strings (whose hashing normalises). Text is NFC before tokenizing, so equal words have
/// equal bytes; a collision between two lexicon-sized vocabularies is vanishingly unlikely.
enum WordKey {
    /// The key of no bytes, which `adding(_:to:)` extends byte by byte.
    static var empty: UInt64 { 0xcbf2_9ce4_8422_2325 }

    /// The key of the bytes of `key` and then `byte`.
    @inline(__always)
    static func adding(_ byte: UInt8, to key: UInt64) -> UInt64 {
        (key ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    /// The key of the bytes of `key` and then `bytes`.
    @inline(__always)
    static func adding(_ bytes: some Sequence<UInt8>, to key: UInt64) -> UInt64 {
        var hash = key
        for byte in bytes { hash = adding(byte, to: hash) }
        return hash
    }

    /// The key of `word`.
    static func of(_ word: String) -> UInt64 {
        adding(word.utf8, to: empty)
    }

    /// The key of a word given as UTF-8 bytes.
    @inline(__always)
    static func of(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        adding(bytes, to: empty)
    }

    /// The key of a literal, hashed from its bytes in place.
    @inline(__always)
    static func of(_ literal: StaticString) -> UInt64 {
        of(bytes: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// The key of `first`, a space and the token text `second` (a two-word phrase such as
    /// *lần thứ*), from `first`'s key without building the phrase.
    static func of(_ first: UInt64, then second: String) -> UInt64 {
        adding(second.utf8, to: adding(0x20, to: first))
    }

    /// `of(first, then:)` of a second word given as UTF-8 bytes.
    static func of(_ first: UInt64, then second: UnsafeBufferPointer<UInt8>) -> UInt64 {
        adding(second, to: adding(0x20, to: first))
    }
}
