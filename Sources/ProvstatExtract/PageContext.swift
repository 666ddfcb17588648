import ProvstatCore

/// What the whole page tells about each of its figures: its number style and report period.
struct PageContext: Sendable {
    /// How ambiguous numbers (`1.500`, `1,500`) are read.
    var style: NumberStyle = .vietnamese
    /// The month the report is about (the most often named), if any.
    var month: Int?
    /// The year the report is about (the most often named), if any.
    var year: Int?

    /// Reads the style and report period from the sentences of each paragraph and from the
    /// cells of the page's tables (in place, without gathering them into one list first).
    init(paragraphs: [[TokenizedSentence]], tables: [TableGrid]) {
        var tally = Tally()
        // A page writes a few dozen such numbers: room for them at once.
        tally.numbers.reserveCapacity(64)
        // Read in place by index: iterating would copy each sentence (retaining its arrays).
        for sentences in paragraphs {
            for index in sentences.indices { tally.count(sentences[index]) }
        }
        for grid in tables {
            for row in grid.rows {
                for cell in row { tally.count(cell: cell) }
            }
        }
        style = NumberStyle.detect(in: tally.numbers)
        month = tally.months.max { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }?.key
        year = tally.years.max { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }?.key
    }

    /// A context with the defaults: Vietnamese numbers, no known period.
    init() {}

    /// The length in bytes of `text` when it is a bare number — ASCII digits, with single `.`
    /// or `,` between digits, as the tokenizer reads a number with nothing around it — else nil.
    static func bareNumberLength(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            guard let first = bytes.first, first &- 0x30 < 10, bytes[bytes.count - 1] &- 0x30 < 10 else {
                return nil
            }
            var afterSeparator = false
            for byte in bytes {
                if byte &- 0x30 < 10 {
                    afterSeparator = false
                } else if (byte == 0x2E || byte == 0x2C) && !afterSeparator {
                    afterSeparator = true
                } else {
                    return nil
                }
            }
            return bytes.count
        }
    }

    /// The numbers and periods counted so far.
    private struct Tally {
        /// Numbers of more than three bytes holding `.` or `,`: only they may tell the style.
        var numbers: [String] = []
        // Room for the few months and years a page names, so that neither table regrows.
        var months: [Int: Int] = Dictionary(minimumCapacity: 12)
        var years: [Int: Int] = Dictionary(minimumCapacity: 6)

        mutating func count(_ text: TokenizedSentence) {
            let matcher = TokenMatcher(text)
            for (index, token) in matcher.tokens.enumerated() where token.kind == .number && token.utf8Count > 3 {
                if matcher.withBytes(of: index, Self.hasSeparator) { numbers.append(matcher.text(index)) }
            }
            for mention in text.periods {
                if let year = mention.period.year { years[year, default: 0] += 1 }
                if mention.period.span == .month || mention.period.span == .yearToDate,
                    let month = mention.period.number
                {
                    months[month, default: 0] += 1
                }
            }
        }

        /// Counts a table cell. Most cells are a bare number (`1.234,5`), which tokenizes to that
        /// one number token and names no period: it is counted from its bytes, without tokenizing.
        mutating func count(cell: String) {
            switch PageContext.bareNumberLength(cell) {
            case .some(let length):
                if length > 3 && cell.utf8.contains(where: { $0 == 0x2E || $0 == 0x2C }) { numbers.append(cell) }
            case .none:
                count(TokenizedSentence(cell))
            }
        }

        /// Whether the number holds `.` or `,` (`NumberStyle.detect` passes over the others).
        private static func hasSeparator(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            bytes.contains { $0 == 0x2E || $0 == 0x2C }
        }
    }
}
