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
        return text.withUTF8 { sentences(ofUTF8: $0) }
    }

    private static func sentences(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        let (scalars, offsets) = Tokenizer.decode(bytes)
        var sentences: [String] = []
        func append(_ range: Range<Int>) {
            var lower = range.lowerBound
            var upper = range.upperBound
            while lower < upper, Tokenizer.isSpace(scalars[lower]) { lower += 1 }
            while upper > lower, Tokenizer.isSpace(scalars[upper - 1]) { upper -= 1 }
            guard lower < upper else { return }
            sentences.append(
                String(decoding: UnsafeBufferPointer(rebasing: bytes[offsets[lower]..<offsets[upper]]), as: UTF8.self))
        }
        var start = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "." || scalar == "!" || scalar == "?" || scalar == "…", endsSentence(scalars, at: index) {
                append(start..<(index + 1))
                start = index + 1
            } else if scalar == ";", index - start >= softLimit {
                append(start..<(index + 1))
                start = index + 1
            } else if index - start >= hardLimit {
                var cut = index
                while cut > start + hardLimit / 2, !Tokenizer.isSpace(scalars[cut]) { cut -= 1 }
                append(start..<cut)
                start = cut
            }
            index += 1
        }
        if start < scalars.count { append(start..<scalars.count) }
        return sentences
    }

    /// Whether the mark at `index` is followed by whitespace and a capital, and ends no abbreviation.
    private static func endsSentence(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var next = index + 1
        guard next < scalars.count, Tokenizer.isSpace(scalars[next]) else { return false }
        while next < scalars.count, Tokenizer.isSpace(scalars[next]) { next += 1 }
        guard next < scalars.count else { return false }
        let following = scalars[next]
        guard following.properties.isUppercase || following == "\"" || following == "“" || following == "(" else {
            return false
        }
        guard scalars[index] == "." else { return true }
        var wordStart = index
        while wordStart > 0, Tokenizer.isLetter(scalars[wordStart - 1]) { wordStart -= 1 }
        let word = String(String.UnicodeScalarView(scalars[wordStart..<index])).lowercased()
        return !abbreviations.contains(word)
    }
}
