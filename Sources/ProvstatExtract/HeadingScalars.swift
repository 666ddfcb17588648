/// A short paragraph whose every scalar is a character of its own and has no special case in
/// grapheme breaking (printable ASCII, Latin-1 and Latin Extended-A/B, Vietnamese letters,
/// dashes, quotes and bullets), so that `FactExtractor.heading(in:)` can read scalars where it
/// would otherwise break the text into characters and call Foundation: the same answer, found
/// without either.
struct HeadingScalars {
    let scalars: [Unicode.Scalar]
    /// The text the scalars were read from, whose bytes the heading is cut out of.
    private let text: String

    /// The text's scalars, or nil when one of them falls outside the plain set.
    init?(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20...0x7E, 0xA0...0x24F, 0x1E00...0x1EFF, 0x2010...0x2027: scalars.append(scalar)
            default: return nil
            }
        }
        self.scalars = scalars
        self.text = text
    }

    /// `FactExtractor.characterHeading(in:)` on these scalars: a character is one scalar here,
    /// its `isWhitespace`, `isNumber` and `isLetter` are the scalar's properties, and the only
    /// white space is U+0020 and U+00A0 (both in Foundation's `whitespacesAndNewlines`).
    var heading: String? {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\u{A0}" }
        let isNumber = Self.isNumber
        let isLetter = Self.isLetter
        var words = 0
        var inWord = false
        for scalar in scalars {
            if isSpace(scalar) {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
        }
        guard words > 0, words <= 10 else { return nil }
        var start = 0
        var end = scalars.count
        while start < end, isSpace(scalars[start]) { start += 1 }
        while end > start, isSpace(scalars[end - 1]) { end -= 1 }
        // A list marker: *3.*, *II.*, *a)*, *-*.
        if let marker = (start..<end).first(where: { scalars[$0] == " " }),
            (start..<marker).allSatisfy({
                isNumber(scalars[$0]) || Self.markerScalars.contains(scalars[$0])
                    || (isLetter(scalars[$0]) && marker - start <= 2)
            })
        {
            start = marker
        }
        while start < end, Self.trimmedScalars.contains(scalars[start]) { start += 1 }
        while end > start, Self.trimmedScalars.contains(scalars[end - 1]) { end -= 1 }
        let cleaned = scalars[start..<end]
        guard cleaned.contains(where: isLetter), !cleaned.contains(where: isNumber) else { return nil }
        // The text's bytes are its scalars' UTF-8: the heading is a slice of them.
        func width(_ scalar: Unicode.Scalar) -> Int { UTF8.width(scalar) }
        let lower = scalars[..<start].reduce(0) { $0 + width($1) }
        let count = cleaned.reduce(0) { $0 + width($1) }
        var text = self.text
        return text.withUTF8 {
            String(decoding: UnsafeBufferPointer(rebasing: $0[lower..<(lower + count)]), as: UTF8.self)
        }
    }

    /// `scalar.properties.numericType != nil` for a scalar of the plain set, answered without the
    /// property lookup where the set's blocks hold no numbers but the ASCII digits.
    static func isNumber(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39: return true
        case 0x20...0x7E, 0xC0...0x24F, 0x1E00...0x1EFF: return false
        default: return scalar.properties.numericType != nil
        }
    }

    /// `scalar.properties.isAlphabetic` for a scalar of the plain set, answered without the
    /// property lookup for ASCII and for the blocks of Latin letters, where every scalar but
    /// U+00D7 and U+00F7 is one.
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0x20...0x7E: return value | 0x20 >= 0x61 && value | 0x20 <= 0x7A
        case 0xC0...0x24F: return value != 0xD7 && value != 0xF7
        case 0x1E00...0x1EFF: return true
        default: return scalar.properties.isAlphabetic
        }
    }

    /// What a list marker may be made of besides digits (and one or two letters).
    private static let markerScalars = Array("IVXivx.)-–•*".unicodeScalars)
    /// What is trimmed from both ends of a heading.
    private static let trimmedScalars = Array(" .:;-–•*".unicodeScalars)
}
