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
    }
}
