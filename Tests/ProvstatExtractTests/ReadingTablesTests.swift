import Testing

@testable import ProvstatExtract

@Suite("Reading shortcuts")
struct ReadingTablesTests {
    @Test("a unit told by length first is the unit compared as a string")
    func unitByLength() {
        #expect(UnitReader.unit("%", is: "%"))
        #expect(UnitReader.unit("times", is: "times"))
        #expect(!UnitReader.unit("pp", is: "%"))
        #expect(!UnitReader.unit("t", is: "%"))
        #expect(!UnitReader.unit("tấn", is: "t"))
        #expect(!UnitReader.unit("ha", is: "pp"))
    }

    @Test("a phrase end told inside the sentence agrees with isPhraseEnd at every token")
    func phraseEndInside() {
        let matcher = TokenMatcher(tokenizing: "Doanh thu (ước) tăng 5,2%, giảm 3 tỷ đồng; đạt 90%: tốt.")
        let ends = matcher.tokens.indices.filter { matcher.isPhraseEnd(inside: $0) }
        #expect(ends == matcher.tokens.indices.filter { matcher.isPhraseEnd($0) })
        #expect(ends.count == 6)
    }

    @Test("link words found with the first-word check, once per figure")
    func links() throws {
        let facts = FactExtractor().extract(from: [
            .paragraph(
                "Tổng vốn đạt 120 tỷ đồng, trong đó vốn ngân sách đạt 45 tỷ đồng, tăng 10%, tương đương 4 tỷ đồng.")
        ])
        try #require(facts.count == 4)
        #expect(facts[1].componentOf == 0)
        #expect(facts[3].equivalentOf == 2)
    }
}
