import Testing

@testable import ProvstatExtract

@Suite("Figure")
struct FigureTests {
    @Test func theEndFollowsTheUnitAndTheRange() throws {
        let numeral = try #require(Numeral("15", style: .vietnamese))
        var figure = Figure(start: 3, numberEnd: 4, numeral: numeral, unit: nil)
        #expect(figure.end == 4)
        figure.unit = UnitReader.Match(unit: "VND", exponent: 9, end: 7, isCountedNoun: false, isGuessed: false)
        #expect(figure.end == 7)
        // A range's low end stops at its number: the unit written after it is the high end's.
        figure.isRangeLow = true
        #expect(figure.end == 4)
        figure.isRangeLow = false
        #expect(figure.end == 7)
        let withUnit = Figure(
            start: 0, numberEnd: 1, numeral: numeral,
            unit: UnitReader.Match(unit: "%", exponent: 0, end: 2, isCountedNoun: false, isGuessed: false))
        #expect(withUnit.end == 2)
    }
}
