import Foundation
import ProvstatCore
import Testing

@testable import ProvstatParse

@Suite("Pathological pages")
struct RobustnessTests {
    @Test("deeply nested tags neither crash nor hang")
    func deepNesting() throws {
        let depth = 100_000
        let html =
            "<html><body>" + String(repeating: "<div><span>", count: depth) + "Thu 5 tỷ đồng."
            + String(repeating: "</span></div>", count: depth) + "</body></html>"
        _ = try? parse(html)
        _ = try? parse(html, xpath: "//span")
    }

    @Test("binary bytes give an error or blocks")
    func binary() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        _ = try? PageParser().parse(data: Data(bytes), source: "binary.html")
        _ = try? PageParser().parse(data: Data(bytes), source: "binary.txt")
    }

    @Test("a page over the size limit is an error")
    func tooLarge() {
        let data = Data(repeating: 0x20, count: HTMLDocument.maximumBytes + 1)
        #expect(throws: ParseError.self) { try PageParser().parse(data: data, source: "big.html") }
    }

    @Test("one 5 MB line of text is parsed")
    func longLine() throws {
        let line = String(repeating: "Doanh thu đạt 1.234,5 tỷ đồng; ", count: 170_000)
        let page = try parse("<p>\(line)</p>")
        #expect(paragraphs(page).first?.utf8.count ?? 0 > 5_000_000)
    }
}
