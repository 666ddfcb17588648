import Foundation
import ProvstatCore
import ProvstatParse
import Testing

@testable import ProvstatExtract

/// Issue 12, linear reading: generated pages dense with figures are read whole, every figure
/// found, with work that grows with the page (the time limit is a hang guard, not a timing).
/// Run alone with `swift test --filter Hostile`.
@Suite("Hostile dense pages", .timeLimit(.minutes(3)))
struct HostileDensePageTests {
    /// `paragraphs` paragraphs of three figures each, every one a different value.
    static func densePage(paragraphs: Int) -> Data {
        var html = "<html><head><meta charset=\"utf-8\"><title>Báo cáo</title></head><body><div class=\"content\">"
        for index in 0..<paragraphs {
            html += "<p>Sản lượng mặt hàng thứ \(index + 1) đạt \(index + 1),5 nghìn tấn, tăng \(index % 90 + 1),2% "
            html += "so với cùng kỳ; giá trị đạt \(index + 1).\(String(format: "%03d", index % 1000)) tỷ đồng.</p>"
        }
        return Data((html + "</div></body></html>").utf8)
    }

    @Test(
        "a page with twice the figures gives exactly twice the facts, and asks its budget per block",
        arguments: [1_500, 3_000])
    func densePagesAreReadWhole(paragraphs: Int) throws {
        let page = try PageParser().parse(
            data: Self.densePage(paragraphs: paragraphs), source: "dense.html", contentType: "text/html")
        #expect(page.blocks.count == paragraphs)
        var asked = 0
        let facts = try #require(
            FactExtractor().extract(
                from: page.blocks,
                shouldStop: {
                    asked += 1; return false
                }))
        #expect(facts.count == 3 * paragraphs)
        #expect(facts.filter { $0.unit == "t" }.count == paragraphs)
        #expect(facts.filter { $0.unit == "VND" }.count == paragraphs)
        // Two looks per block (tokenizing, reading): the budget is asked about linearly.
        #expect(asked == 2 * paragraphs)
    }

    @Test("extraction stops as soon as the budget says so")
    func budgetStopsExtraction() throws {
        let page = try PageParser().parse(data: Self.densePage(paragraphs: 500), source: "dense.html")
        var asked = 0
        let facts = FactExtractor().extract(
            from: page.blocks,
            shouldStop: {
                asked += 1; return asked > 10
            })
        #expect(facts == nil)
        #expect(asked == 11)
    }
}
