/// How a page groups thousands and marks decimals.
enum NumberStyle: Sendable {
    /// `23.429,4`: `.` groups thousands, `,` marks decimals (the default).
    case vietnamese
    /// `72,070.5`: `,` groups thousands, `.` marks decimals.
    case english

    /// The style most numbers in `texts` are unambiguously written in; Vietnamese on a tie.
    static func detect<S: Sequence>(in numbers: S) -> NumberStyle where S.Element == String {
        var vietnamese = 0
        var english = 0
        for text in numbers {
            switch only(text) {
            case .vietnamese: vietnamese += 1
            case .english: english += 1
            case nil: break
            }
        }
        return english > vietnamese ? .english : .vietnamese
    }

    /// The one style `text` reads as a number in; nil when it reads in both or in neither.
    private static func only(_ text: String) -> NumberStyle? {
        // Read from its bytes in place (a `String`'s `UTF8View` iterator costs several times as
        // much a byte, and each `Numeral(_:style:)` would check the text for ASCII again).
        var text = text
        return text.withUTF8 { bytes in
            // Without `.` or `,` a number reads the same in both styles (spaces group in either): it
            // tells nothing, and is not read twice to learn so.
            guard bytes.contains(where: { $0 == 0x2E || $0 == 0x2C }) else { return nil }
            let asVietnamese = Numeral(utf8: bytes, style: .vietnamese) != nil
            let asEnglish = Numeral(utf8: bytes, style: .english) != nil
            return asVietnamese == asEnglish ? nil : asVietnamese ? .vietnamese : .english
        }
    }
}
