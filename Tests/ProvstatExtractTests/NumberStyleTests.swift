import Testing

@testable import ProvstatExtract

@Suite("Number style of a page")
struct NumberStyleTests {
    @Test("numbers without . or , read alike in both styles and decide nothing")
    func separatorsDecide() {
        // Years and space-grouped numbers parse in both styles or in neither.
        for text in ["2023", "1 250", "1 250 300", "12345", "0277"] {
            #expect((Numeral(text, style: .vietnamese) == nil) == (Numeral(text, style: .english) == nil), "\(text)")
        }
        #expect(NumberStyle.detect(in: ["2023", "2024", "1 250", "72,070.5"]) == .english)
        #expect(NumberStyle.detect(in: ["2023", "2024", "23.429,4", "72,070.5"]) == .vietnamese)  // a tie
        #expect(NumberStyle.detect(in: ["2023", "1 250 300"]) == .vietnamese)
        #expect(NumberStyle.detect(in: ["1,500.25", "3,200", "2023"]) == .english)  // 3,200 reads in both
        #expect(NumberStyle.detect(in: ["1,500.25", "3,200", "23,5"]) == .vietnamese)  // a tie
        // A number grouped by a space outside ASCII is read from its scalars, as in `Numeral(_:style:)`.
        #expect(NumberStyle.detect(in: ["72\u{A0}070.5"]) == .english)
        #expect(NumberStyle.detect(in: ["72\u{A0}070.5", "23\u{202F}429,4", "9\u{A0}105,25"]) == .vietnamese)
    }

    @Test("every white space Tokenizer.isSpace knows groups thousands; other controls end the number")
    func whiteSpaceGroups() {
        for space in ["\t", "\n", "\u{0B}", "\u{0C}", "\r", " ", "\u{A0}", "\u{202F}"] {
            let numeral = Numeral("1\(space)250", style: .vietnamese)
            #expect(numeral?.mantissa == 1250, "\(Array(space.unicodeScalars))")
            #expect(numeral == Numeral("1 250", style: .vietnamese))
        }
        for other in ["\u{1C}", "\u{08}", "\u{7F}", "_"] {
            #expect(Numeral("1\(other)250", style: .vietnamese) == nil, "\(Array(other.unicodeScalars))")
        }
    }
}
