/// A sentence with its tokens and the periods it names, computed once per sentence.
struct TokenizedSentence: Sendable {
    /// The sentence (NFC).
    let text: String
    let tokens: [Token]
    /// The periods the sentence names, with nothing filled in from the page.
    let periods: [PeriodScanner.Mention]

    init(_ text: String) {
        self.text = text
        // A sentence without digits holds a figure only when a number is written out in words.
        guard Self.hasDigit(text) || Self.mayHoldNumberWord(text) else {
            tokens = []
            periods = []
            return
        }
        tokens = Tokenizer.tokens(text)
        periods = PeriodScanner(matcher: TokenMatcher(source: text, tokens: tokens)).mentions()
    }

    /// Whether `text` holds an ASCII digit, looked for in its contiguous bytes (the `UTF8View`'s
    /// iterator costs several times as much a byte).
    static func hasDigit(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.contains { $0 &- 0x30 < 10 } }
    }

    /// Words that may stand in a written-out number (*ba dự án*, *mười hai phiên*, *năm trăm hộ*).
    private static let numberWordBytes: [[UInt8]] = [
        "một", "hai", "ba", "bốn", "sáu", "bảy", "bẩy", "tám", "chín", "mười", "trăm", "mươi",
    ]
    .flatMap { [Array($0.utf8), Array(($0.prefix(1).uppercased() + $0.dropFirst()).utf8)] }

    /// Whether one of the number words stands in `text` as a whole word (a cheap byte search,
    /// tried only where a word starts).
    private static func mayHoldNumberWord(_ text: String) -> Bool {
        var text = text
        let words = numberWordBytes
        return text.withUTF8 { bytes in
            func isBoundary(_ index: Int) -> Bool {
                index < 0 || index >= bytes.count || bytes[index] < 0x41
                    || (bytes[index] > 0x5A && bytes[index] < 0x61)
            }
            for start in 0..<bytes.count where isBoundary(start - 1) {
                let first = bytes[start]
                // Every number word opens with one of these (in either case): others need no look.
                switch first | 0x20 {
                case 0x62, 0x63, 0x68, 0x6D, 0x73, 0x74: break  // b c h m s t
                default: continue
                }
                for word in words
                where word[0] == first && start + word.count <= bytes.count && isBoundary(start + word.count) {
                    var offset = 1
                    while offset < word.count, bytes[start + offset] == word[offset] { offset += 1 }
                    if offset == word.count { return true }
                }
            }
            return false
        }
    }
}
