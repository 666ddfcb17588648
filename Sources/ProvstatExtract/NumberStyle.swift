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
            // Without `.` or `,` a number reads the same in both styles (spaces group in either): it
            // tells nothing, and is not read twice to learn so.
            guard text.utf8.contains(where: { $0 == 0x2E || $0 == 0x2C }) else { continue }
            let asVietnamese = Numeral(text, style: .vietnamese) != nil
            let asEnglish = Numeral(text, style: .english) != nil
            if asVietnamese && !asEnglish { vietnamese += 1 }
            if asEnglish && !asVietnamese { english += 1 }
        }
        return english > vietnamese ? .english : .vietnamese
    }
}
