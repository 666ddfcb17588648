import Foundation
import ProvstatSupport

/// One token of a link title: a word, a number or a punctuation mark, lower-cased NFC, with the
/// tone marks of an open *oa*, *oe*, *uy* on the first vowel.
///
/// Titles are read as tokens so that case, spacing and the many dashes portals use do not
/// matter: "KINH TẾ-XÃ HỘI", "kinh tế – xã hội" and "kinh tế - xã hội" give the same words.
struct TitleToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case word
        case number
        case mark
    }

    var kind: Kind
    /// The token's text; every dash is "-".
    var text: String
    /// Whether it follows the previous token with no space ("T3/2023": "3", "/" and "2023" are glued).
    var glued: Bool

    static let dashes: Set<Character> = ["-", "–", "—", "‐", "‑", "‒", "−", "―"]

    /// The tokens of `title`: letters and digits split apart ("t3" → "t", "3"), every other
    /// non-space character a mark of its own.
    static func tokens(of title: String) -> [TitleToken] {
        // One placement of tone marks too: a title may write *hoá* where the definition has *hóa*.
        let text = ToneMarks.onFirstVowel(NFC.normalise(NFC.normalise(title).lowercased()))
        var tokens: [TitleToken] = []
        var current = ""
        var currentKind: Kind? = nil
        var glued = false
        var sawSpace = true

        func flush() {
            if let kind = currentKind, !current.isEmpty {
                tokens.append(TitleToken(kind: kind, text: current, glued: glued))
            }
            current = ""
            currentKind = nil
        }

        for character in text {
            let kind: Kind?
            if character.isWhitespace {
                kind = nil
            } else if character.isLetter {
                kind = .word
            } else if character.isASCII && character.isNumber {
                kind = .number
            } else if character.isNumber || character.isMark {
                kind = .word  // a stray combining mark or non-ASCII digit stays inside its word
            } else {
                kind = .mark
            }
            guard let kind else {
                flush()
                sawSpace = true
                continue
            }
            if kind == .mark || kind != currentKind {
                flush()
                glued = !sawSpace && !tokens.isEmpty
                currentKind = kind
            }
            current.append(kind == .mark && dashes.contains(character) ? "-" : character)
            if kind == .mark { flush() }
            sawSpace = false
        }
        flush()
        return tokens
    }
}

extension Character {
    /// A combining mark (left over when a title is not precomposed).
    fileprivate var isMark: Bool {
        unicodeScalars.allSatisfy { $0.properties.generalCategory == .nonspacingMark }
    }
}
