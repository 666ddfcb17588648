import Foundation
import ProvstatCore
import ProvstatReconcile
import Testing

@Suite("Indicator mapping")
struct IndicatorMapperTests {
    static func fact(_ value: Decimal, _ unit: String, subject: String, kind: FactKind = .level, period: Period? = nil) -> SourcedFact {
        SourcedFact(
            fact: Fact(value: value, unit: unit, kind: kind, estimate: false, raw: "\(value)", subject: subject,
                       sentence: subject, start: 0, end: 1, period: period),
            url: "file:///r.html", fetchedAt: "2023-11-03T08:00:00Z", sha256: "ab")
    }

    static let definitions = [
        IndicatorDefinition(id: "exports", name: "kim ngạch xuất khẩu", synonyms: ["xuất khẩu"], unit: "USD"),
        IndicatorDefinition(id: "seafood", name: "xuất khẩu thủy sản", unit: "USD"),
    ]

    @Test func theMostSpecificNameWins() {
        let mapped = IndicatorMapper(definitions: Self.definitions).mapAll([
            Self.fact(1_500_000_000, "USD", subject: "Kim ngạch xuất khẩu"),
            Self.fact(925_000_000, "USD", subject: "xuất khẩu thủy sản"),
        ])
        #expect(mapped.values["exports"]?.value == 1_500_000_000)
        #expect(mapped.values["seafood"]?.value == 925_000_000)
        #expect(mapped.values["exports"]?.alternatives.isEmpty == true)
    }

    @Test func unitKindAndPeriodMustAgree() {
        let definitions = [IndicatorDefinition(id: "exports", name: "xuất khẩu", unit: "USD", period: .yearToDate)]
        let mapped = IndicatorMapper(definitions: definitions).mapAll([
            Self.fact(5, "VND", subject: "xuất khẩu"),
            Self.fact(6, "USD", subject: "xuất khẩu", period: Period(span: .month, number: 10)),
            Self.fact(7, "USD", subject: "xuất khẩu", period: Period(span: .yearToDate, number: 10)),
        ])
        #expect(mapped.values["exports"]?.value == 7)
    }

    @Test func aSecondValueIsKeptAsAnAlternative() {
        let mapped = IndicatorMapper(definitions: Self.definitions).mapAll([
            Self.fact(1, "USD", subject: "kim ngạch xuất khẩu"),
            Self.fact(1, "USD", subject: "kim ngạch xuất khẩu"),
            Self.fact(2, "USD", subject: "kim ngạch xuất khẩu"),
        ])
        #expect(mapped.values["exports"]?.value == 1)
        #expect(mapped.values["exports"]?.alternatives.map(\.value) == [2])
    }

    @Test func percentagesAboutAnIndicatorAreRelatedFigures() {
        let mapped = IndicatorMapper(definitions: Self.definitions).mapAll([
            Self.fact(1_500_000_000, "USD", subject: "kim ngạch xuất khẩu"),
            Self.fact(100, "%", subject: "kim ngạch xuất khẩu", kind: .planAttainment),
            Self.fact(12, "%", subject: "xuất khẩu thủy sản", kind: .growthYoY),
        ])
        #expect(mapped.related["exports"]?[.planAttainment]?.value == 100)
        #expect(mapped.related["seafood"]?[.growthYoY]?.value == 12)
        #expect(mapped.values.count == 1)
    }

    @Test func namesMatchWhateverTheUnicodeForm() {
        let decomposed = "kim ngạch xuất khẩu".decomposedStringWithCanonicalMapping
        let mapped = IndicatorMapper(definitions: Self.definitions).mapAll([Self.fact(3, "USD", subject: decomposed)])
        #expect(mapped.values["exports"]?.value == 3)
    }
}
