import Foundation
import ProvstatCore
import Testing

@testable import ProvstatParse

/// A seeded generator (SplitMix64): the same "random" bytes on every run, so outcomes are exact.
struct SeededBytes: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `count` bytes from seed `seed`.
    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var generator = SeededBytes(state: seed)
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}

// A hang would show as the time limit running out, not as a stuck test run.
@Suite("Pathological pages", .timeLimit(.minutes(1)))
struct RobustnessTests {
    static let report = "Thu ngân sách trên địa bàn tỉnh tháng 10 đạt 5 tỷ đồng, tăng 3,2% so với cùng kỳ."

    /// `depth` pairs of `<div><span>` around the report sentence.
    private func nested(_ depth: Int) -> String {
        "<html><body>" + String(repeating: "<div><span>", count: depth) + Self.report
            + String(repeating: "</span></div>", count: depth) + "</body></html>"
    }

    @Test("a sentence 200 elements deep is read")
    func deepButReadable() throws {
        #expect(paragraphs(try parse(nested(100))) == [Self.report])
        #expect(paragraphs(try parse(nested(100), xpath: "//body")) == [Self.report])
    }

    @Test("200,000 nested elements neither crash nor hang; libxml2 stops building at 256 levels")
    func deepNesting() throws {
        // libxml2 gives up at its depth limit of 256 levels, so such a page yields no text at all
        // (rather than overflowing a stack in the tree walk).
        let html = nested(100_000)
        #expect(try parse(html).blocks.isEmpty)
        #expect(try parse(html, xpath: "//span").blocks.isEmpty)
    }

    @Test("random bytes as HTML are decoded, counted and read without a crash")
    func binaryHTML() throws {
        let page = try PageParser().parse(
            data: Data(SeededBytes.bytes(200_000, seed: 14)), source: "binary.html",
            contentType: "text/html; charset=utf-8")
        #expect(page.title == nil)
        // Bytes that are not UTF-8 become U+FFFD and are counted, never silently dropped.
        #expect(page.replacedBytes > 1_000)
        for text in paragraphs(page) {
            #expect(!text.isEmpty)
            #expect(text == text.collapsingWhitespace())
        }
    }

    @Test("random bytes in a text file do not swallow the report line after them")
    func binaryText() throws {
        let data = Data(SeededBytes.bytes(200_000, seed: 14)) + Data("\n\(Self.report)\n".utf8)
        let page = try PageParser().parse(data: data, source: "binary.txt")
        #expect(paragraphs(page).last == Self.report)
        #expect(page.blocks.count > 1)
    }

    @Test("invalid UTF-8 in a page declared UTF-8 leaves the rest of it readable")
    func strayBytesInUTF8() throws {
        let junk = SeededBytes.bytes(2_000, seed: 14).filter { $0 != 0x3C && $0 != 0x26 }  // no markup
        let data =
            Data("<html><head><meta charset=\"utf-8\"></head><body><div>".utf8) + Data(junk)
            + Data("</div><p>\(Self.report)</p></body></html>".utf8)
        let page = try PageParser().parse(data: data, source: "stray.html", xpath: "//p")
        // libxml2 alone switches the whole document to ISO-8859-1 at the first invalid byte; the
        // bytes are made valid first (U+FFFD for each bad one), so the sentence stays Vietnamese.
        #expect(paragraphs(page) == [Self.report])
        #expect(page.replacedBytes > 0)
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
