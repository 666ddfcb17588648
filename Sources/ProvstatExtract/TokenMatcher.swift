/// Phrase matching over a sentence's tokens, and the tokens' texts.
struct TokenMatcher {
    let tokens: [Token]
    /// The text the tokens were read from: a token's text is read from its UTF-8 when needed.
    let source: String

    /// The matcher of `tokens`, which `Tokenizer.tokens(source)` gave.
    init(source: String, tokens: [Token]) {
        self.source = source
        self.tokens = tokens
    }

    /// The matcher of the tokens of `text`.
    init(tokenizing text: String) {
        self.init(source: text, tokens: Tokenizer.tokens(text))
    }

    /// The matcher of a tokenized sentence.
    init(_ sentence: TokenizedSentence) {
        self.init(source: sentence.text, tokens: sentence.tokens)
    }

    // MARK: - Token texts

    /// Calls `body` with the UTF-8 of the token at `index` (inside the sentence), read in place.
    @inline(__always)
    func withBytes<Result>(of index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        // Through a span, which borrows the source: `utf8.withContiguousStorageIfAvailable`
        // retained and released the string at every call.
        source.utf8.span.extracting(tokens[index].utf8Range).withUnsafeBufferPointer(body)
    }

    /// The text of the token at `index` (inside the sentence), as written.
    func text(_ index: Int) -> String {
        withBytes(of: index) { Tokenizer.string(validUTF8: $0) }
    }

    /// The text of tokens `start..<end` (inside the sentence), spaced as written.
    func text(from start: Int, to end: Int) -> String {
        // Written into the string's storage at once: a space at most before each text.
        let capacity = (start..<end).reduce(0) { $0 + 1 + tokens[$1].utf8Count }
        return Self.text(capacity: capacity) { text in
            for index in start..<end {
                if !text.isEmpty && tokens[index].spaceBefore { text.append(byte: 0x20) }
                text.append(tokenAt: index, of: self)
            }
        }
    }

    /// The source as written from the token at `first` through the token at `last` (inside the
    /// sentence), its spaces included: copied straight from the bytes, which are valid UTF-8.
    func written(from first: Int, through last: Int) -> String {
        let bytes = tokens[first].utf8Range.lowerBound..<tokens[last].utf8Range.upperBound
        return source.utf8.span.extracting(bytes).withUnsafeBufferPointer { Tokenizer.string(validUTF8: $0) }
    }

    /// The first scalar of the token at `index` (inside the sentence).
    private func firstScalar(_ index: Int) -> Unicode.Scalar? {
        withBytes(of: index) { bytes in
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
            return scalar
        }
    }

    /// The number token at `index` read in `style` (`Numeral(text(index), style:)`).
    func numeral(_ index: Int, style: NumberStyle) -> Numeral? {
        withBytes(of: index) { Numeral(utf8: $0, style: style) }
    }

    /// The value of the number token at `index` when it is all digits (`Int(text(index))`).
    func integer(_ index: Int) -> Int? {
        withBytes(of: index) { bytes in
            var value = 0
            for byte in bytes {
                let digit = byte &- 0x30
                guard digit < 10 else { return nil }
                let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, carry) = times10.addingReportingOverflow(Int(digit))
                guard !overflow, !carry else { return nil }
                value = sum
            }
            return bytes.isEmpty ? nil : value
        }
    }

    /// The key of the phrase `first`-key, a space and `lower(index)`: `WordKey.of(first, then:
    /// lower(index))`, hashed from the token's bytes when they are lower-case already.
    func key(_ first: UInt64, then index: Int) -> UInt64 {
        guard index >= 0, index < tokens.count, !tokens[index].mayChangeCase else {
            return WordKey.of(first, then: lower(index))
        }
        return withBytes(of: index) { WordKey.of(first, then: $0) }
    }

    /// Whether the token at `index` is a word that starts with a capital letter (false outside
    /// the sentence).
    func isCapitalised(_ index: Int) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].kind == .word else { return false }
        // An ASCII letter answers without a Unicode property lookup: only A–Z are upper-case there.
        let byte = tokens[index].firstByte
        if byte < 0x80 { return byte >= 0x41 && byte <= 0x5A }
        return firstScalar(index)?.properties.isUppercase ?? false
    }

    // MARK: - Matching

    /// Whether `phrase` (lower-case token texts) starts at `index`.
    func matches(_ phrase: [String], at index: Int) -> Bool {
        guard index >= 0, index + phrase.count <= tokens.count else { return false }
        for (offset, word) in phrase.enumerated() where lower(index + offset) != word {
            return false
        }
        return true
    }

    /// Whether the two-word phrase `first second` starts at `index` (`matches([first, second], at:)`
    /// by keys).
    @inline(__always)
    func matches(_ first: StaticString, _ second: StaticString, at index: Int) -> Bool {
        lowerIs(index, first) && lowerIs(index + 1, second)
    }

    /// The lower-case text of the token at `index`, or "" outside the sentence.
    func lower(_ index: Int) -> String {
        guard index >= 0, index < tokens.count else { return "" }
        return withBytes(of: index) { bytes in
            tokens[index].mayChangeCase ? Tokenizer.lowercasedWord(bytes) : Tokenizer.string(validUTF8: bytes)
        }
    }

    /// The `WordKey` of the token at `index`, or 0 outside the sentence.
    func key(_ index: Int) -> UInt64 {
        index >= 0 && index < tokens.count ? tokens[index].key : 0
    }

    /// Whether the token at `index` is the symbol `symbol`.
    @inline(__always)
    func isSymbol(_ index: Int, _ symbol: StaticString) -> Bool {
        // A symbol's key is the hash of its text: integers compare faster than strings, and a
        // literal's bytes hash without building a `String`.
        index >= 0 && index < tokens.count && tokens[index].kind == .symbol
            && tokens[index].key == WordKey.of(symbol)
    }

    /// Whether the lower-case text of the token at `index` is `word` (false outside the
    /// sentence): `lower(index) == word` by keys, without comparing strings.
    @inline(__always)
    func lowerIs(_ index: Int, _ word: StaticString) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].key == WordKey.of(word)
    }

    /// Whether the token at `index` ends a clause (`;`, `.`, `:`, brackets, `?`, `!`).
    func isClauseEnd(_ index: Int) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].kind == .symbol else { return false }
        // A symbol token is one scalar: an ASCII one is told by its byte, without decoding.
        switch tokens[index].firstByte {
        case 0x3B, 0x2E, 0x3A, 0x28, 0x29, 0x5B, 0x5D, 0x3F, 0x21, 0x22: return true  // ; . : ( ) [ ] ? ! "
        case 0xE2: break
        default: return false
        }
        switch firstScalar(index) {
        case "…", "“", "”": return true
        default: return false
        }
    }

    /// The index of the `(` that the `)` at `index` closes, when it is in the same sentence.
    func openingBracket(before index: Int) -> Int? {
        var position = index - 1
        while position >= 0 {
            if isSymbol(position, "(") { return position }
            if isSymbol(position, ")") || isSentencePartEnd(position) { return nil }
            position -= 1
        }
        return nil
    }

    /// Whether the token at `index` ends a part of a sentence (`;`, `.`, `:`, `?`, `!`), brackets aside.
    func isSentencePartEnd(_ index: Int) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].kind == .symbol else { return false }
        switch tokens[index].firstByte {
        case 0x3B, 0x2E, 0x3A, 0x3F, 0x21: return true  // ; . : ? !
        case 0xE2: return firstScalar(index) == "…"
        default: return false
        }
    }

    /// Whether the token at `index` separates phrases (a clause end or a comma).
    func isPhraseEnd(_ index: Int) -> Bool {
        isClauseEnd(index) || isSymbol(index, ",")
    }

    /// `isPhraseEnd(index)` for an index inside the sentence, told at once for a word or a
    /// number (most tokens): the scans over a clause ask it at every token.
    @inline(__always)
    func isPhraseEnd(inside index: Int) -> Bool {
        tokens[index].kind == .symbol && isPhraseEnd(index)
    }
}

extension TokenMatcher {
    /// UTF-8 written into a temporary buffer, for texts joined from token texts: the string is
    /// then made with one allocation at most (none for a small one), not regrown piece by piece.
    struct TextWriter {
        fileprivate let buffer: UnsafeMutableBufferPointer<UInt8>
        fileprivate(set) var count = 0

        /// Whether nothing has been written yet.
        var isEmpty: Bool { count == 0 }

        /// Appends one ASCII byte.
        mutating func append(byte: UInt8) {
            assert(byte < 0x80, "only ASCII bytes keep the text valid UTF-8")
            buffer[count] = byte
            count += 1
        }

        /// Appends the text of the token at `index`, copied from the matcher's source.
        mutating func append(tokenAt index: Int, of matcher: TokenMatcher) {
            matcher.withBytes(of: index) { bytes in
                guard let source = bytes.baseAddress, bytes.count > 0 else { return }
                (buffer.baseAddress! + count).update(from: source, count: bytes.count)
                count += bytes.count
            }
        }

        /// Appends the bytes of `text`.
        mutating func append(_ text: String) {
            // Copied at once from contiguous storage (every native or small string).
            let copied: Int? = text.utf8.withContiguousStorageIfAvailable { bytes in
                guard let source = bytes.baseAddress, bytes.count > 0 else { return 0 }
                (buffer.baseAddress! + count).update(from: source, count: bytes.count)
                return bytes.count
            }
            if let copied {
                count += copied
                return
            }
            for byte in text.utf8 {
                buffer[count] = byte
                count += 1
            }
        }
    }

    /// The string `write` writes, which must write no more than `capacity` bytes.
    static func text(capacity: Int, _ write: (inout TextWriter) -> Void) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(capacity, 1)) { buffer in
            var writer = TextWriter(buffer: buffer)
            write(&writer)
            // Valid UTF-8 as written (whole token texts of a valid source, whole strings, ASCII
            // bytes), so not checked again: `String(unsafeUninitializedCapacity:)` would.
            return Tokenizer.string(validUTF8: UnsafeBufferPointer(rebasing: buffer[..<writer.count]))
        }
    }
}
