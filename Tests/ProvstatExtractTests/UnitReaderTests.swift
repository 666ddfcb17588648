import Testing

@testable import ProvstatExtract

@Suite("Unit reader")
struct UnitReaderTests {
    /// The unit read right after the number that opens `text`.
    private func unit(after text: String, allowGuess: Bool = false) -> UnitReader.Match? {
        let matcher = TokenMatcher(tokenizing: text)
        guard case .unit(let match) = UnitReader(matcher: matcher).read(from: 1, allowGuess: allowGuess) else {
            return nil
        }
        return match
    }

    @Test func aCompoundNounIsTheUnitInLowerCaseHoweverItIsWritten() {
        #expect(unit(after: "12 doanh nghiệp mới")?.unit == "doanh nghiệp")
        #expect(unit(after: "12 Doanh Nghiệp mới")?.unit == "doanh nghiệp")
        #expect(unit(after: "1,2 triệu LƯỢT KHÁCH")?.unit == "lượt khách")
        #expect(unit(after: "1,2 triệu LƯỢT KHÁCH")?.exponent == 6)
        #expect(unit(after: "1,2 triệu lượt Hành khách")?.unit == "lượt hành khách")
        #expect(unit(after: "1,2 triệu lượt Hành khách")?.end == 5)
    }

    @Test func aGuessIsRefusedAfterACapitalisedWordOnlyWhenItComesToGuessing() {
        let matcher = TokenMatcher(tokenizing: "Quận 7 xoong mới")
        let reader = UnitReader(matcher: matcher)
        // *Quận 7*: the number names a place, and the word after it is no counted noun.
        guard case .miss(.none) = reader.read(from: 2, allowGuess: true, unlessCapitalised: 0) else {
            Issue.record("a guess after a capitalised word")
            return
        }
        guard case .unit(let guessed) = reader.read(from: 2, allowGuess: true) else {
            Issue.record("no guess where one is allowed")
            return
        }
        #expect(guessed.unit == "xoong")
        #expect(guessed.isGuessed)
        // A known unit needs no guess: the capital before the number does not matter.
        let known = TokenMatcher(tokenizing: "Quận 7 doanh nghiệp")
        guard case .unit(let noun) = UnitReader(matcher: known).read(from: 2, allowGuess: true, unlessCapitalised: 0)
        else {
            Issue.record("a known noun refused")
            return
        }
        #expect(noun.unit == "doanh nghiệp")
    }
}
