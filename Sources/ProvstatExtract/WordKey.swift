/// A 64-bit FNV-1a hash of a word's UTF-8 bytes: lexicon lookups hash integers instead of
/// Unicode strings (whose hashing normalises). Text is NFC before tokenizing, so equal words have
/// equal bytes; a collision between two lexicon-sized vocabularies is vanishingly unlikely.
enum WordKey {
    /// The key of `word`.
    static func of(_ word: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}

extension WordKey {
    /// The key of a word given as UTF-8 bytes.
    @inline(__always)
    static func of(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
