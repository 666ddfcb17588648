/// Splits a sentence (NFC) into tokens in one pass over its Unicode scalars.
///
/// Numbers keep their separators (`23.429,4`); words glued to a number are split off, and a word
/// glued in front of a number is split when it ends with a known verb (`chế tạotăng1,36%`).
enum Tokenizer {
    /// Verbs and hedges that pages glue to the number after them.
    private static let gluedPrefixes: [String] = [
        "tăng", "giảm", "đạt", "khoảng", "hơn", "gần", "trên", "chiếm", "bằng", "vượt", "gấp", "ước", "còn",
        "thêm", "là", "có",
    ].sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }

    /// Whether `word` (lower-case) is a verb or hedge that may be glued to its number.
    static func isGluedVerb(_ word: String) -> Bool { gluedPrefixes.contains(word) }

    /// Whether the word token is a verb or hedge that may be glued to its number.
    static func isGluedVerb(_ token: Token) -> Bool { gluedVerbs.contains(token) }

    private static let gluedVerbs = WordSet(gluedPrefixes)

    /// The tokens of `text`.
    static func tokens(_ text: String) -> [Token] {
        var text = text
        return text.withUTF8 { bytes in
            withDecoded(bytes) { scalars, utf8Offsets in
                var builder = Builder(scalars: scalars, bytes: bytes, utf8Offsets: utf8Offsets)
                return builder.run()
            }
        }
    }

    /// `bytes`, which must be valid UTF-8 (a slice of a valid string on scalar boundaries), as a
    /// string copied without validating them: `String(decoding:as:)` would check each byte again,
    /// which was half the cost of a token's text.
    @inline(__always)
    static func string(validUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        unsafe String(copying: UTF8Span(unchecked: Span(_unsafeElements: bytes)))
    }

    /// The scalars of valid UTF-8 and where each starts in the bytes (with the end appended), so
    /// that texts are copied straight out of the bytes.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (scalars: [Unicode.Scalar], offsets: [Int]) {
        withDecoded(bytes) { scalars, offsets in (Array(scalars), offsets.map { Int($0) }) }
    }

    /// Calls `body` with the scalars of valid UTF-8 and where each starts in the bytes (with the
    /// end appended), in temporary buffers: a sentence's fit on the stack, and larger ones do not
    /// go through `Array` growth. (Mid-sized `malloc` calls were most of the tokenizer's cost.)
    static func withDecoded<Result>(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<Unicode.Scalar>, UnsafeBufferPointer<Int32>) -> Result
    ) -> Result {
        let total = bytes.count
        return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: max(total, 1)) { scalarBuffer in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: total + 1) { offsetBuffer in
                let scalarOut = scalarBuffer.baseAddress!
                let offsetOut = offsetBuffer.baseAddress!
                var count = 0
                var offset = 0
                if let input = bytes.baseAddress {
                    while offset < total {
                        let lead = input[offset]
                        offsetOut[count] = Int32(truncatingIfNeeded: offset)
                        if lead < 0x80 {
                            (scalarOut + count).initialize(to: Unicode.Scalar(lead))
                            offset &+= 1
                        } else if lead < 0xE0 {
                            let value = UInt32(lead & 0x1F) << 6 | UInt32(input[offset &+ 1] & 0x3F)
                            (scalarOut + count).initialize(to: Unicode.Scalar(value).unsafelyUnwrapped)
                            offset &+= 2
                        } else if lead < 0xF0 {
                            let value =
                                UInt32(lead & 0x0F) << 12 | UInt32(input[offset &+ 1] & 0x3F) << 6
                                | UInt32(input[offset &+ 2] & 0x3F)
                            (scalarOut + count).initialize(to: Unicode.Scalar(value).unsafelyUnwrapped)
                            offset &+= 3
                        } else {
                            let value =
                                UInt32(lead & 0x07) << 18 | UInt32(input[offset &+ 1] & 0x3F) << 12
                                | UInt32(input[offset &+ 2] & 0x3F) << 6 | UInt32(input[offset &+ 3] & 0x3F)
                            (scalarOut + count).initialize(to: Unicode.Scalar(value).unsafelyUnwrapped)
                            offset &+= 4
                        }
                        count &+= 1
                    }
                }
                offsetOut[count] = Int32(truncatingIfNeeded: total)
                return body(
                    UnsafeBufferPointer(start: scalarOut, count: count),
                    UnsafeBufferPointer(start: offsetOut, count: count + 1))
            }
        }
    }

    /// One pass of tokenizing.
    private struct Builder {
        let scalars: UnsafeBufferPointer<Unicode.Scalar>
        /// The text's UTF-8, valid during `tokens`.
        let bytes: UnsafeBufferPointer<UInt8>
        /// Where each scalar starts in `bytes` (the page limit keeps offsets within 32 bits).
        let utf8Offsets: UnsafeBufferPointer<Int32>
        var tokens: [Token] = []

        mutating func run() -> [Token] {
            // A token is at least one scalar; most are three or more, and a short text (a table cell
            // such as `(%)`) is often all one-scalar tokens: room for both saves regrowing.
            tokens.reserveCapacity(scalars.count / 3 + 4)
            var index = 0
            var spaceBefore = false
            let count = scalars.count
            while index < count {
                let scalar = scalars[index]
                if Tokenizer.isSpace(scalar) {
                    spaceBefore = true
                    index += 1
                    continue
                }
                let start = index
                if Tokenizer.isDigit(scalar) {
                    index += 1
                    // Only a lead of one to three digits may have thousands grouped by spaces (`1 250 300`).
                    var spaceGroupsAllowed = true
                    while index < count {
                        if Tokenizer.isDigit(scalars[index]) {
                            index += 1
                            if spaceGroupsAllowed, index - start > 3, !spaceGroupsAllowedAfterLead(start, index) {
                                spaceGroupsAllowed = false
                            }
                        } else if scalars[index] == "." || scalars[index] == ",", index + 1 < count,
                            Tokenizer.isDigit(scalars[index + 1])
                        {
                            spaceGroupsAllowed = false
                            index += 2
                        } else if spaceGroupsAllowed, isSpaceGroup(at: index) {
                            index += 4
                        } else {
                            break
                        }
                    }
                    append(.number, start, index, spaceBefore)
                } else if Tokenizer.isLetter(scalar) {
                    index += 1
                    while index < count, Tokenizer.isLetter(scalars[index]) { index += 1 }
                    // Square and cubic metres: `m2`, `km3`, `m²`.
                    if index < count, isPowerSuffix(start: start, end: index) { index += 1 }
                    if index < count, Tokenizer.isDigit(scalars[index]),
                        let split = gluedSplit(start: start, end: index)
                    {
                        if split > start { append(.word, start, split, spaceBefore) }
                        append(.word, split, index, split == start ? spaceBefore : false)
                    } else {
                        append(.word, start, index, spaceBefore)
                    }
                } else {
                    index += 1
                    append(.symbol, start, index, spaceBefore)
                }
                spaceBefore = false
            }
            return tokens
        }

        /// Whether a space at `index` is followed by exactly three digits: a thousands group, as in `1 200`.
        private func isSpaceGroup(at index: Int) -> Bool {
            switch scalars[index] {
            case " ", "\u{00A0}", "\u{202F}", "\u{2009}": break
            default: return false
            }
            guard index + 3 < scalars.count else { return false }
            guard (1...3).allSatisfy({ Tokenizer.isDigit(scalars[index + $0]) }) else { return false }
            return index + 4 == scalars.count || !Tokenizer.isDigit(scalars[index + 4])
        }

        /// Whether the digits in `start..<end` are a lead of one to three digits and space-led groups.
        private func spaceGroupsAllowedAfterLead(_ start: Int, _ end: Int) -> Bool {
            var run = 0
            for position in start..<end {
                if Tokenizer.isDigit(scalars[position]) {
                    run += 1
                    if run > 3 { return false }
                } else {
                    run = 0
                }
            }
            return true
        }

        private func text(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[offset(start)..<offset(end)]), as: UTF8.self)
        }

        /// Where scalar `index` starts in `bytes`.
        @inline(__always)
        private func offset(_ index: Int) -> Int {
            Int(utf8Offsets[index])
        }

        private mutating func append(_ kind: Token.Kind, _ start: Int, _ end: Int, _ spaceBefore: Bool) {
            let range = offset(start)..<offset(end)
            let written = UnsafeBufferPointer(rebasing: bytes[range])
            // Most words are lower-case already: their key is hashed from the bytes in place, in
            // the pass that checks them.
            let lowerKey = kind == .word ? Tokenizer.keyIfLowercase(written) : WordKey.of(bytes: written)
            let mayChangeCase = lowerKey == nil
            let key = lowerKey ?? Tokenizer.lowercasedKey(written)
            tokens.append(
                Token(
                    kind: kind, firstByte: written[0], mayChangeCase: mayChangeCase, start: start, end: end,
                    utf8Range: range, spaceBefore: spaceBefore, key: key))
        }

        /// Whether `m`/`km` is followed by a `2`/`3`/`²`/`³` that ends the token.
        private func isPowerSuffix(start: Int, end: Int) -> Bool {
            guard end - start <= 2 else { return false }
            let first = scalars[start].value | 0x20
            let isMetre =
                end - start == 1
                ? first == 0x6D : first == 0x6B && scalars[start + 1].value | 0x20 == 0x6D  // m, km
            guard isMetre else { return false }
            let power = scalars[end]
            guard power == "2" || power == "3" || power == "²" || power == "³" else { return false }
            return end + 1 >= scalars.count || !Tokenizer.isDigit(scalars[end + 1])
        }

        /// Where to split a word glued to the number after it; nil when it should stay whole.
        private func gluedSplit(start: Int, end: Int) -> Int? {
            let word = Tokenizer.lowercasedWord(text(start, end))
            for prefix in Tokenizer.gluedPrefixes where word.hasSuffix(prefix) {
                return end - prefix.unicodeScalars.count
            }
            return nil
        }
    }

    /// The lower-case token texts of a lexicon phrase.
    static func phrase(_ text: String) -> [String] {
        let matcher = TokenMatcher(tokenizing: text)
        return matcher.tokens.indices.map { matcher.lower($0) }
    }

    // MARK: - Words of a phrase

    /// The pieces of `text` between spaces (and commas, when `commas`), as
    /// `text.split(whereSeparator:)` on those characters gives them, or nil when a separator may
    /// form one character with a neighbour (a combining mark after it, a prepended sign before it):
    /// then only the character-by-character split is right. Read on the bytes, without breaking
    /// the text into characters.
    static func pieces(_ text: String, commas: Bool) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            var pieces: [String] = []
            var start = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte == 0x20 || (commas && byte == 0x2C) else { continue }
                guard standsAlone(bytes, separatorAt: index) else { return nil }
                if index > start {
                    pieces.append(string(validUTF8: UnsafeBufferPointer(rebasing: bytes[start..<index])))
                }
                start = index + 1
            }
            if bytes.count > start {
                pieces.append(string(validUTF8: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])))
            }
            return pieces
        }
    }

    /// How many pieces `text.split(separator: " ")` gives, or nil where `pieces` gives nil.
    static func pieceCount(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            var count = 0
            var start = 0
            for index in 0..<bytes.count where bytes[index] == 0x20 {
                guard standsAlone(bytes, separatorAt: index) else { return nil }
                if index > start { count += 1 }
                start = index + 1
            }
            return bytes.count > start ? count + 1 : count
        }
    }

    /// Whether the ASCII separator at `index` is a character of its own: the scalar after it is
    /// ASCII or a letter below U+0300 or in U+1E00–U+1EFF (none extends a character), and the one
    /// before it is below U+0600 or in U+1E00–U+1EFF (none is prepended to the next character).
    private static func standsAlone(_ bytes: UnsafeBufferPointer<UInt8>, separatorAt index: Int) -> Bool {
        if index + 1 < bytes.count {
            let next = bytes[index + 1]
            let fine =
                next < 0x80 || (next >= 0xC2 && next <= 0xCB)
                || (next == 0xE1 && index + 2 < bytes.count && bytes[index + 2] >= 0xB8 && bytes[index + 2] <= 0xBB)
            if !fine { return false }
        }
        guard index > 0, bytes[index - 1] >= 0x80 else { return true }
        var lead = index - 1
        while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        let first = bytes[lead]
        return first < 0xD8
            || (first == 0xE1 && lead + 1 < bytes.count && bytes[lead + 1] >= 0xB8 && bytes[lead + 1] <= 0xBB)
    }

    // MARK: - Letter case

    /// The `WordKey` of a word that `lowercasedWord` leaves as it is, hashed in the pass that
    /// checks it; nil when it might change the word: it holds an ASCII capital or a letter outside
    /// the plain ASCII small letters and the Vietnamese small letters it knows.
    @inline(__always)
    static func keyIfLowercase(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var key = WordKey.empty
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte >= 0x41 && byte <= 0x5A { return nil }
                key = WordKey.adding(byte, to: key)
                index += 1
                continue
            }
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            switch byte {
            case 0xC3:
                if next >= 0x80 && next <= 0x9E && next != 0x97 { return nil }
            case 0xC4, 0xC5:
                let code = (UInt32(byte & 0x1F) << 6) | UInt32(next & 0x3F)
                if code > 0x177 || (code >= 0x139 && code <= 0x148) || (code % 2 == 0 && code != 0x138 && code != 0x130)
                {
                    return nil
                }
            case 0xC6:
                if next != 0xA1 && next != 0xB0 { return nil }  // ơ, ư
            case 0xCC, 0xCD:
                break
            case 0xE1:
                let third = index + 2 < bytes.count ? bytes[index + 2] : 0
                guard next == 0xBB || (next == 0xBA && (third < 0x96 || third > 0x9F)), third % 2 == 1 else {
                    return nil
                }
                key = WordKey.adding(byte, to: key)
                key = WordKey.adding(next, to: key)
                key = WordKey.adding(third, to: key)
                index += 3
                continue
            default:
                return nil
            }
            // The two-byte letters and marks above.
            key = WordKey.adding(byte, to: key)
            key = WordKey.adding(next, to: key)
            index += 2
        }
        return key
    }

    /// `text.lowercased()`, the same string, by `lowercasedWord` where that agrees: everywhere but
    /// at U+0130 (İ, which the standard library lower-cases to `i` and a combining dot) and at the
    /// Greek capitals U+0370–U+037F, which share a lead byte with the combining marks.
    static func lowercased(_ text: String) -> String {
        lowercased(text, asLibrary: true)
    }

    /// `word` in lower case. Vietnamese letters live in Latin-1, Latin Extended-A/B and Latin
    /// Extended Additional, where a capital and its small letter differ by a fixed step in the last
    /// UTF-8 byte; other scripts go through the standard library.
    static func lowercasedWord(_ word: String) -> String {
        lowercased(word, asLibrary: false)
    }

    /// `lowercasedWord` of the word whose valid UTF-8 is `bytes` (a token's, read in its sentence).
    static func lowercasedWord(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        withLowercased(bytes) { lowered, lowering in
            switch lowering {
            case .unchanged: return string(validUTF8: bytes)
            case .changed: return string(validUTF8: lowered)
            case .needsLibrary: return string(validUTF8: bytes).lowercased()
            }
        }
    }

    /// `text` lower-cased in one pass over a copy of its bytes (on the stack for a word), with the
    /// letters `withLowercased` leaves to the standard library (`asLibrary`: İ and Greek too) done there.
    private static func lowercased(_ text: String, asLibrary: Bool) -> String {
        var contiguous = text
        return contiguous.withUTF8 { utf8 in
            withLowercased(utf8, asLibrary: asLibrary) { lowered, lowering in
                switch lowering {
                case .unchanged: return text
                // Changed in place within the same byte ranges: still valid.
                case .changed: return string(validUTF8: lowered)
                case .needsLibrary: return text.lowercased()
                }
            }
        }
    }

    /// The `WordKey` of `lowercasedWord(bytes)`: hashed from the bytes lower-cased on the stack,
    /// without making the lower-case string (but where the standard library must lower-case).
    static func lowercasedKey(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        withLowercased(bytes) { lowered, lowering in
            lowering == .needsLibrary ? WordKey.of(string(validUTF8: bytes).lowercased()) : WordKey.of(bytes: lowered)
        }
    }

    /// What lower-casing a word's bytes in place did.
    private enum Lowering { case unchanged, changed, needsLibrary }

    /// Calls `body` with a copy of `bytes` lower-cased in a temporary buffer, and what that did.
    /// (`asLibrary`: U+0130 and U+0370–U+037F too are left to the library, as `lowercased` needs.)
    private static func withLowercased<Result>(
        _ bytes: UnsafeBufferPointer<UInt8>, asLibrary: Bool = false,
        _ body: (UnsafeBufferPointer<UInt8>, Lowering) -> Result
    ) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { buffer in
            _ = buffer.initialize(from: bytes)
            let lowered = UnsafeMutableBufferPointer(rebasing: buffer[0..<bytes.count])
            return body(UnsafeBufferPointer(lowered), lowercaseInPlace(lowered, asLibrary: asLibrary))
        }
    }

    /// Lower-cases a word's bytes in place where a fixed step does it; `.needsLibrary` (the bytes
    /// then half done) where only the standard library knows the letter.
    private static func lowercaseInPlace(_ bytes: UnsafeMutableBufferPointer<UInt8>, asLibrary: Bool) -> Lowering {
        var changed = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            switch byte {
            case 0x41...0x5A:
                bytes[index] = byte + 0x20
                changed = true
                index += 1
            case 0x00...0x7F:
                index += 1
            case 0xC3:
                if next >= 0x80 && next <= 0x9E && next != 0x97 {  // À–Þ → à–þ
                    bytes[index + 1] = next + 0x20
                    changed = true
                }
                index += 2
            case 0xC4, 0xC5:
                let code = (UInt32(byte & 0x1F) << 6) | UInt32(next & 0x3F)
                // Ĺ…ň (U+0139–U+0148) put capitals on odd code points: left to the library.
                if code > 0x177 || (code >= 0x139 && code <= 0x148) || (asLibrary && code == 0x130) {
                    return .needsLibrary
                }
                if code % 2 == 0 && code != 0x138 && code != 0x130 {  // even code points are capitals
                    bytes[index + 1] = next + 1
                    changed = true
                }
                index += 2
            case 0xC6:
                if next == 0xA0 || next == 0xAF {  // Ơ, Ư
                    bytes[index + 1] = next + 1
                    changed = true
                } else if next != 0xA1 && next != 0xB0 {
                    return .needsLibrary
                }
                index += 2
            case 0xCC, 0xCD:
                if asLibrary && byte == 0xCD && next >= 0xB0 { return .needsLibrary }  // Greek U+0370–U+037F
                index += 2  // combining marks have no case
            case 0xE1:
                let third = index + 2 < bytes.count ? bytes[index + 2] : 0
                // U+1E80–U+1EFF, leaving the few small-only letters U+1E96–U+1E9F to the library.
                guard next == 0xBB || (next == 0xBA && (third < 0x96 || third > 0x9F)) else { return .needsLibrary }
                if third % 2 == 0 {  // Ạ…Ỹ: capitals are even code points
                    bytes[index + 2] = third + 1
                    changed = true
                }
                index += 3
            default:
                return .needsLibrary
            }
        }
        return changed ? .changed : .unchanged
    }

    // MARK: - Scalar classes

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    /// Whether the scalar is white space (the Unicode White_Space set, plus zero-width spaces).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09...0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default: return false
        }
    }

    /// Whether the scalar is a letter or a combining mark; Vietnamese ranges answer without a
    /// Unicode property lookup.
    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // ASCII answers inline: A–Z and a–z differ only in bit 5.
        if value < 0x80 { return value | 0x20 >= 0x61 && value | 0x20 <= 0x7A }
        return isLetterBeyondASCII(scalar)
    }

    private static func isLetterBeyondASCII(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0x41...0x5A, 0x61...0x7A: return true
        case 0...0x7F, 0xB2, 0xB3: return false
        case 0xC0...0x24F: return value != 0xD7 && value != 0xF7  // Latin-1 letters, Latin Extended-A/B
        case 0x300...0x36F, 0x1E00...0x1EFF: return true  // combining marks, Latin Extended Additional
        default: return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
        }
    }
}
