import Testing

@testable import ProvstatExtract

/// The bases `KindCues` finds around a figure, asked for directly.
@Suite("Kind cues")
struct KindCuesTests {
    /// The index of the first token whose lower-case text is `word`.
    private func index(of word: String, in matcher: TokenMatcher, after start: Int = 0) throws -> Int {
        try #require((start..<matcher.tokens.count).first { matcher.lower($0) == word })
    }

    @Test func aListsLeadStatesTheBaseOfTheFiguresAfterItsColonOnly() throws {
        let lead = TokenMatcher(tokenizing: "Các mặt hàng tăng so với tháng trước: bia tăng 6,2%, thép: 3,5%.")
        let cues = KindCues(matcher: lead)
        #expect(cues.base(ofLeadBefore: try index(of: "6,2", in: lead), month: 9, year: 2024) == .previousMonth)
        // A colon written after the list's first number ends the lead's reach.
        #expect(cues.base(ofLeadBefore: try index(of: "3,5", in: lead), month: 9, year: 2024) == nil)
        // A lead that holds a number of its own states no base for the list.
        let numbered = TokenMatcher(tokenizing: "Sản lượng đạt 12 triệu lít, tăng so với cùng kỳ: bia tăng 6,2%.")
        let numberedCues = KindCues(matcher: numbered)
        #expect(numberedCues.base(ofLeadBefore: try index(of: "6,2", in: numbered), month: 9, year: 2024) == nil)
        // A number written out before the lead's colon looks back from its own last colon.
        let written = TokenMatcher(tokenizing: "So với cùng kỳ: có ba dự án mới: bia tăng 6,2%.")
        let writtenCues = KindCues(matcher: written)
        #expect(
            writtenCues.base(ofLeadBefore: try index(of: "ba", in: written), month: 9, year: 2024) == .sameTimeLastYear)
        #expect(writtenCues.base(ofLeadBefore: try index(of: "6,2", in: written), month: 9, year: 2024) == nil)
        // No colon at all: no lead.
        let plain = TokenMatcher(tokenizing: "Bia tăng 6,2% so với cùng kỳ.")
        #expect(
            KindCues(matcher: plain).base(ofLeadBefore: try index(of: "6,2", in: plain), month: 9, year: 2024) == nil)
    }

    @Test func aSearchForTheBaseAfterAFigureGoesOnWhereTheNearerOneStopped() throws {
        let matcher = TokenMatcher(
            tokenizing: "Doanh thu tăng 5,2% và giá tăng 3% so với cùng kỳ; lãi tăng 2% so với tháng trước.")
        let cues = KindCues(matcher: matcher)
        let end = try index(of: "%", in: matcher) + 1
        let next = try index(of: "3", in: matcher)
        // Up to the next figure: no base, and the search may go on from there.
        let near = cues.search(after: end, stop: next, month: 9, year: 2024)
        #expect(near.base == nil)
        #expect(near.resume == next)
        let resumed = try #require(near.resume)
        #expect(cues.base(after: resumed, stop: Int.max, month: 9, year: 2024) == .sameTimeLastYear)
        #expect(cues.base(after: end, stop: Int.max, month: 9, year: 2024) == .sameTimeLastYear)
        // A base found, or a clause end met, ends the search for good.
        let found = cues.search(after: end, stop: Int.max, month: 9, year: 2024)
        #expect(found.base == .sameTimeLastYear)
        #expect(found.resume == nil)
        let semicolon = try index(of: ";", in: matcher)
        let blocked = cues.search(after: semicolon, stop: Int.max, month: 9, year: 2024)
        #expect(blocked.base == nil)
        #expect(blocked.resume == nil)
        // Past the clause end the next figure's own base is found.
        let last = try index(of: "2", in: matcher, after: semicolon) + 2
        #expect(cues.base(after: last, stop: Int.max, month: 9, year: 2024) == .previousMonth)
    }
}
