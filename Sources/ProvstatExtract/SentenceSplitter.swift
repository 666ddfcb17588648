/// Splits a paragraph into sentences at `.`, `!` or `?` followed by a space and a capital letter.
///
/// A sentence longer than `softLimit` scalars is also split at `;`, and one longer than
/// `hardLimit` at a space, so that every fact's `sentence` stays small whatever the page holds.
enum SentenceSplitter {
    /// Length above which a sentence is split at semicolons.
    static let softLimit = 1_000
    /// Length above which a sentence is split at the last space before the limit.
    static let hardLimit = 2_000

    /// Abbreviations whose full stop does not end a sentence (*TP. Cần Thơ*).
    private static let abbreviations: Set<String> = [
        "tp", "tx", "tt", "q", "p", "ts", "ths", "pgs", "gs", "bs", "ks", "ông", "bà", "th", "ttg", "nxb",
    ]

    /// The sentences of `text`, trimmed, in order.
    static func sentences(of text: String) -> [String] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { sentences(ofUTF8: $0) }!
    }

    /// Reads the scalars straight out of the bytes (`text`'s storage), one at a time: a paragraph
    /// is decoded once, without an array of its scalars.
    private static func sentences(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var sentences: [String] = []
        func append(_ lowerBound: Int, _ upperBound: Int) {
            var lower = lowerBound
            var upper = upperBound
            while lower < upper {
                let (scalar, width) = Self.scalar(bytes, at: lower)
                guard Tokenizer.isSpace(scalar) else { break }
                lower += width
            }
            while upper > lower {
                let previous = Self.start(bytes, before: upper)
                guard Tokenizer.isSpace(Self.scalar(bytes, at: previous).scalar) else { break }
                upper = previous
            }
            guard lower < upper else { return }
            sentences.append(Tokenizer.string(validUTF8: UnsafeBufferPointer(rebasing: bytes[lower..<upper])))
        }
        // Scalar indices count the limits; byte offsets cut the text.
        var start = 0
        var startOffset = 0
        var index = 0
        var offset = 0
        // `.`, `!`, `?` and `;` as bits: the bytes that may end a sentence, with the lead byte of `…`.
        let asciiMarks: UInt64 = 1 << 0x21 | 1 << 0x2E | 1 << 0x3F | 1 << 0x3B
        while offset < bytes.count {
            // Most bytes start no mark: they are passed over in a tight loop that only counts the
            // scalars (continuation bytes aside), up to where the hard limit is looked at.
            let hardIndex = start + hardLimit
            // Eight bytes at a time while none of them is a mark's and the limit is not near.
            while offset + 8 <= bytes.count {
                let word = UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
                // Continuation bytes (10xxxxxx) start no scalar: their bit 7 is set and bit 6 clear.
                let starts = 8 - (word & ~(word << 1) & Self.highBits).nonzeroBitCount
                guard index + starts < hardIndex, !Self.mayHoldMark(word) else { break }
                index += starts
                offset += 8
            }
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte & 0xC0 != 0x80 {
                    // A scalar starts here, the `index`th: stop at a mark or at the hard limit.
                    if index >= hardIndex || (byte < 64 && asciiMarks >> byte & 1 != 0) || byte == 0xE2 { break }
                    index += 1
                }
                offset += 1
            }
            guard offset < bytes.count else { break }
            // Only the marks are decoded: a scalar's width is read off its lead byte.
            let lead = bytes[offset]
            let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            let mark: Unicode.Scalar?
            switch lead {
            case 0x2E: mark = "."
            case 0x21: mark = "!"
            case 0x3F: mark = "?"
            case 0xE2 where bytes[offset + 1] == 0x80 && bytes[offset + 2] == 0xA6: mark = "…"
            default: mark = nil
            }
            if let mark, endsSentence(bytes, mark: mark, at: offset + width, before: offset) {
                append(startOffset, offset + width)
                start = index + 1
                startOffset = offset + width
            } else if lead == 0x3B, index - start >= softLimit {
                append(startOffset, offset + width)
                start = index + 1
                startOffset = offset + width
            } else if index - start >= hardLimit {
                var cut = index
                var cutOffset = offset
                while cut > start + hardLimit / 2, !Tokenizer.isSpace(Self.scalar(bytes, at: cutOffset).scalar) {
                    cut -= 1
                    cutOffset = Self.start(bytes, before: cutOffset)
                }
                append(startOffset, cutOffset)
                start = cut
                startOffset = cutOffset
            }
            index += 1
            offset += width
        }
        if startOffset < bytes.count { append(startOffset, bytes.count) }
        return sentences
    }

    /// Bit 7 of each byte of a word; `lowBits` is bit 0 of each.
    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let lowBits: UInt64 = 0x0101_0101_0101_0101

    /// Whether one of the eight bytes of `word` is `.`, `!`, `?`, `;` or the lead byte of `…`
    /// (a byte equal to `value` is a zero byte of `word ^ value`, found by the borrow trick).
    @inline(__always)
    private static func mayHoldMark(_ word: UInt64) -> Bool {
        @inline(__always) func hasByte(_ value: UInt64) -> UInt64 {
            let bits = word ^ (value &* lowBits)
            return (bits &- lowBits) & ~bits & highBits
        }
        return hasByte(0x2E) | hasByte(0x21) | hasByte(0x3F) | hasByte(0x3B) | hasByte(0xE2) != 0
    }

    /// Whether the mark before `next` is followed by whitespace and a capital, and ends no
    /// abbreviation; `markOffset` is where the mark starts.
    private static func endsSentence(
        _ bytes: UnsafeBufferPointer<UInt8>, mark: Unicode.Scalar, at next: Int, before markOffset: Int
    ) -> Bool {
        var next = next
        guard next < bytes.count, Tokenizer.isSpace(scalar(bytes, at: next).scalar) else { return false }
        while next < bytes.count {
            let (scalar, width) = scalar(bytes, at: next)
            guard Tokenizer.isSpace(scalar) else { break }
            next += width
        }
        guard next < bytes.count else { return false }
        let following = scalar(bytes, at: next).scalar
        // An ASCII capital answers without a Unicode property lookup: only A–Z are upper-case there.
        let isUppercase =
            following.value < 0x80
            ? following.value >= 0x41 && following.value <= 0x5A : following.properties.isUppercase
        guard isUppercase || following == "\"" || following == "“" || following == "(" else {
            return false
        }
        guard mark == "." else { return true }
        var wordStart = markOffset
        while wordStart > 0 {
            let previous = start(bytes, before: wordStart)
            guard Tokenizer.isLetter(scalar(bytes, at: previous).scalar) else { break }
            wordStart = previous
        }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<markOffset]), as: UTF8.self)
        return !abbreviations.contains(Tokenizer.lowercased(word))
    }

    /// The scalar that starts at `offset` of valid UTF-8, and its width in bytes.
    @inline(__always)
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (
        scalar: Unicode.Scalar, width: Int
    ) {
        let lead = bytes[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        if lead < 0xE0 {
            return (Unicode.Scalar(UInt32(lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F)).unsafelyUnwrapped, 2)
        }
        if lead < 0xF0 {
            let value =
                UInt32(lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
            return (Unicode.Scalar(value).unsafelyUnwrapped, 3)
        }
        let value =
            UInt32(lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12 | UInt32(bytes[offset + 2] & 0x3F) << 6
            | UInt32(bytes[offset + 3] & 0x3F)
        return (Unicode.Scalar(value).unsafelyUnwrapped, 4)
    }

    /// Where the scalar before `offset` starts.
    @inline(__always)
    private static func start(_ bytes: UnsafeBufferPointer<UInt8>, before offset: Int) -> Int {
        var previous = offset - 1
        while previous > 0, bytes[previous] & 0xC0 == 0x80 { previous -= 1 }
        return previous
    }
}
