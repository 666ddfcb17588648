import Foundation

/// The two spellings of Vietnamese tone marks on an open *oa*, *oe* or *uy*: the older one marks
/// the second vowel (*hoá*, *thuỷ*, *khoẻ*), the newer one the first (*hóa*, *thủy*, *khỏe*).
/// Provincial portals use both, often on one page, so names are compared in one of them.
public enum ToneMarks {
    /// `text` (NFC) with the tone of every open *oa*, *oe*, *uy* on its first vowel (*hoá* →
    /// *hóa*, *thuỷ* → *thủy*); a closed syllable (*hoàn*, *thuyết*) and *qu* + *y* (*quý*), which
    /// both spellings write alike, are left as they are.
    public static func onFirstVowel(_ text: String) -> String {
        // Every toned vowel is outside ASCII: most names need no look.
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var scalars = Array(text.unicodeScalars)
        var changed = false
        for index in scalars.indices.dropFirst() {
            guard let entry = Self.toned[scalars[index]], let first = Self.opening[entry.base],
                first.contains(scalars[index - 1]),
                index + 1 == scalars.count || !Self.isLetter(scalars[index + 1]),
                let moved = Self.marked[String(scalars[index - 1]) + String(entry.mark)]
            else { continue }
            // *quý*: the *u* belongs to *qu*, and *y* is the vowel.
            if entry.base == "y" || entry.base == "Y", index >= 2,
                scalars[index - 2] == "q" || scalars[index - 2] == "Q"
            {
                continue
            }
            scalars[index - 1] = moved
            scalars[index] = entry.base
            changed = true
        }
        guard changed else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// The tone marks, as combining characters.
    private static let marks: [Unicode.Scalar] = ["\u{0301}", "\u{0300}", "\u{0309}", "\u{0303}", "\u{0323}"]

    /// The second vowels of the open syllables concerned, with the first vowels they follow.
    private static let opening: [Unicode.Scalar: Set<Unicode.Scalar>] = [
        "a": ["o", "O"], "A": ["o", "O"], "e": ["o", "O"], "E": ["o", "O"], "y": ["u", "U"], "Y": ["u", "U"],
    ]

    /// Each toned second vowel (*á*, *ẻ*, *ỷ* …), as its plain vowel and its mark.
    private static let toned: [Unicode.Scalar: (base: Unicode.Scalar, mark: Unicode.Scalar)] = {
        var table: [Unicode.Scalar: (base: Unicode.Scalar, mark: Unicode.Scalar)] = [:]
        for base in opening.keys {
            for mark in marks {
                if let composed = compose(base, mark) { table[composed] = (base, mark) }
            }
        }
        return table
    }()

    /// Each first vowel with a mark, composed, keyed by the vowel and the mark written after it.
    private static let marked: [String: Unicode.Scalar] = {
        var table: [String: Unicode.Scalar] = [:]
        for base in ["o", "O", "u", "U"] as [Unicode.Scalar] {
            for mark in marks {
                if let composed = compose(base, mark) { table[String(base) + String(mark)] = composed }
            }
        }
        return table
    }()

    /// `base` and `mark` as one precomposed character, when Unicode has one.
    private static func compose(_ base: Unicode.Scalar, _ mark: Unicode.Scalar) -> Unicode.Scalar? {
        let scalars = (String(base) + String(mark)).precomposedStringWithCanonicalMapping.unicodeScalars
        return scalars.count == 1 ? scalars.first : nil
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic
    }
}
