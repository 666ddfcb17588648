import Foundation
import ProvstatCore
import ProvstatParse
import Testing

@testable import ProvstatExtract

@Suite("Whole pages")
struct PageFixtureTests {
    /// The facts of a fixture page, parsed with article detection.
    static func facts(ofFixture name: String, transform: (String) -> String = { $0 }) throws -> [Fact] {
        let url = try #require(Bundle.module.resourceURL?.appendingPathComponent("Fixtures/\(name)"))
        let html = transform(try String(contentsOf: url, encoding: .utf8))
        let page = try PageParser().parse(data: Data(html.utf8), source: name)
        return FactExtractor().extract(from: page.blocks)
    }

    @Test("a report page gives its prose and table facts and no furniture")
    func reportPage() throws {
        let found = try Self.facts(ofFixture: "report.html")
        let summary = found.map { "\($0.value) \($0.unit) \($0.kind.rawValue)\($0.estimate ? " ≈" : "")" }
        #expect(
            summary == [
                "4120500000000 VND level ≈", "6.2 % growth_yoy",
                "12400 t level ≈", "98700 t level", "103.2 % index_yoy", "76.5 % plan_attainment",
                "88100000 USD level ≈", "745000000 USD level", "96.4 % index_yoy",
                "20500000 USD level ≈", "180200000 USD level", "110 % index_yoy",
                "2.35 % share",
                "1200000000 USD level", "28900000000000 VND level ≈", "96.4 % index_yoy", "180200000 USD level",
            ])
        #expect(found[9].componentOf == 6 && found[10].componentOf == 7 && found[11].componentOf == nil)
        #expect(found[14].equivalentOf == 13)
        #expect(found[16].componentOf == 13)
        #expect(found[9].subject == "Gạo" && found[9].table?.header == "Thực hiện Ước tính tháng 9")
    }

    @Test("the same page written in NFD gives the same facts")
    func decomposedPage() throws {
        let nfc = try Self.facts(ofFixture: "report.html")
        let nfd = try Self.facts(ofFixture: "report.html") { $0.decomposedStringWithCanonicalMapping }
        #expect(nfc == nfd)
    }

    @Test("a 5 MB line of prose is read, with every sentence kept short")
    func longLine() throws {
        let filler = String(repeating: "tình hình sản xuất kinh doanh tiếp tục ổn định ", count: 10)
        let line = String(repeating: filler + "doanh thu đạt 1.234,5 tỷ đồng; ", count: 10_500)
        #expect(line.utf8.count > 5_000_000)
        let found = FactExtractor().extract(from: [.paragraph(line)])
        #expect(found.count == 10_500)
        #expect(found.allSatisfy { $0.sentence.unicodeScalars.count <= SentenceSplitter.hardLimit })
    }
}
