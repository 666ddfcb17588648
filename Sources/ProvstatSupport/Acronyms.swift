import Foundation

/// Acronyms a sentence defines in brackets (*Chỉ số giá tiêu dùng (CPI)*, *Tổng sản phẩm trên
/// địa bàn (GRDP)*), read back into the words they stand for.
public enum Acronyms {
    /// `text` with each acronym the sentence defines replaced by the words written before its
    /// bracket (in the same clause); empty when nothing was replaced.
    public static func expanding(_ text: String, in sentence: String) -> String {
        var expander = Expander()
        return expander.expanding(text, in: sentence)
    }

    /// `expanding(_:in:)` for the many texts of a few sentences: the definitions of the sentence
    /// asked about last are kept, not read again for each text (figures of one sentence share it).
    public struct Expander: Sendable {
        private var sentence: String? = nil
        private var definitions: [(acronym: String, name: String)] = []

        public init() {}

        /// `Acronyms.expanding(text, in: sentence)`.
        public mutating func expanding(_ text: String, in sentence: String) -> String {
            guard Acronyms.mayExpand(text, in: sentence) else { return "" }
            if !Self.sameBytes(self.sentence, sentence) {
                self.sentence = sentence
                definitions = Acronyms.definitions(in: sentence)
            }
            return Acronyms.replacing(definitions, in: text)
        }

        /// Whether the two texts are the same bytes (not merely canonically equivalent, as `==`
        /// tells): the definitions are read from the scalars as written.
        private static func sameBytes(_ kept: String?, _ sentence: String) -> Bool {
            guard var kept else { return false }
            var sentence = sentence
            return kept.withUTF8 { first in
                sentence.withUTF8 { second in
                    first.count == second.count
                        && (first.baseAddress == second.baseAddress || first.elementsEqual(second))
                }
            }
        }
    }

    /// Whether `text` may hold an acronym that `sentence` defines.
    private static func mayExpand(_ text: String, in sentence: String) -> Bool {
        // Most texts hold no two capitals in a row, and most sentences no bracket: the bytes say so.
        var capitals = false
        var previous = false
        for byte in text.utf8 {
            let capital = isCapital(byte)
            if capital && previous {
                capitals = true
                break
            }
            previous = capital
        }
        return capitals && sentence.utf8.contains(0x28)
    }

    /// `text` with the acronyms of `definitions` replaced by their names; empty when none was.
    private static func replacing(_ definitions: [(acronym: String, name: String)], in text: String) -> String {
        var words = text.split(separator: " ").map(String.init)
        var replaced = false
        for (acronym, name) in definitions {
            for index in words.indices where words[index] == acronym {
                words[index] = name
                replaced = true
            }
        }
        return replaced ? words.joined(separator: " ") : ""
    }

    /// Whether a word is written as an acronym: two to six capitals, and no Roman numeral
    /// (*(II)* numbers a part, it names nothing).
    public static func isAcronym(_ word: String) -> Bool {
        (2...6).contains(word.unicodeScalars.count) && word.unicodeScalars.allSatisfy { $0.properties.isUppercase }
            && !romanNumerals.contains(word)
    }

    private static let romanNumerals: Set<String> = ["II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII"]

    private static func isCapital(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    /// Where the name before a bracketed acronym starts: after the last of `,` `;` `:` `(` `)`.
    /// (A switch, not a `Set`: the walk back tests every scalar of the clause, and hashing each
    /// cost more than the rest of reading the definitions.)
    private static func isNameSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", ";", ":", "(", ")": return true
        default: return false
        }
    }

    /// Whether `scalars` are capitals and white space only, as a bracket's text must be to trim
    /// to an acronym: other brackets are passed over without building and trimming their text.
    static func mayTrimToAcronym(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        scalars.allSatisfy { scalar in
            // In ASCII only A–Z are capitals: the property lookup is left to other scalars.
            let capital = scalar.value < 0x80 ? (0x41...0x5A).contains(scalar.value) : scalar.properties.isUppercase
            return capital || CharacterSet.whitespaces.contains(scalar)
        }
    }

    /// The scalars as a string with `.whitespaces` trimmed from both ends, as Foundation's
    /// `trimmingCharacters(in:)` trims them: on the scalars themselves when all are in the Basic
    /// Multilingual Plane (where Foundation's UTF-16 units are the scalars), else by Foundation.
    static func trimmed(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        guard scalars.allSatisfy({ $0.value <= 0xFFFF }) else {
            return String(String.UnicodeScalarView(scalars)).trimmingCharacters(in: .whitespaces)
        }
        let spaces = CharacterSet.whitespaces
        var lower = scalars.startIndex
        var upper = scalars.endIndex
        while lower < upper, spaces.contains(scalars[lower]) { lower += 1 }
        while upper > lower, spaces.contains(scalars[upper - 1]) { upper -= 1 }
        return string(of: scalars[lower..<upper])
    }

    /// The scalars as a string, encoded into its UTF-8 at once (building a `UnicodeScalarView`
    /// appends scalar by scalar, at several times the cost).
    static func string(of scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(unsafeUninitializedCapacity: 4 * scalars.count) { buffer in
            var count = 0
            for scalar in scalars {
                UTF8.encode(scalar) { unit in
                    buffer[count] = unit
                    count += 1
                }
            }
            return count
        }
    }

    /// Each acronym the sentence brackets after a name, with the clause's words before the bracket.
    static func definitions(in sentence: String) -> [(acronym: String, name: String)] {
        let scalars = Array(sentence.unicodeScalars)
        var found: [(String, String)] = []
        for open in scalars.indices where scalars[open] == "(" {
            // An acronym is short: look no further than its longest form for the bracket's end.
            guard let close = scalars[open..<min(scalars.count, open + 10)].firstIndex(of: ")"),
                mayTrimToAcronym(scalars[(open + 1)..<close])
            else { continue }
            let inside = trimmed(scalars[(open + 1)..<close])
            guard isAcronym(inside) else { continue }
            let start = scalars[..<open].lastIndex(where: isNameSeparator).map { $0 + 1 } ?? 0
            let name = trimmed(scalars[start..<open])
            if !name.isEmpty { found.append((inside, name)) }
        }
        return found
    }
}
