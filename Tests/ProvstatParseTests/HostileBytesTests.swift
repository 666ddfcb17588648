import Foundation
import ProvstatCore
import TestSupport
import Testing

@testable import ProvstatParse

/// Issue 12, bytes decoded and never dropped: an undefined byte in the declared charset, a NUL
/// between elements or at the start must not cost the page (or the rest of it). Run alone with
/// `swift test --filter Hostile`.
@Suite("Hostile bytes")
struct HostileBytesTests {
    static let first = "Kim ngạch xuất khẩu tháng 3 ước đạt 1.234,5 triệu USD, tăng 5,2% so với cùng kỳ."
    static let second = "Tổng thu ngân sách nhà nước đạt 2.310 tỷ đồng, bằng 25% dự toán năm."

    /// Two paragraphs, `between` bytes between them, `before` bytes ahead of everything.
    static func page(charset: String, encode: (String) -> [UInt8], before: [UInt8] = [], between: [UInt8] = [])
        -> Data
    {
        let head = Array("<html><head><meta charset=\"\(charset)\"><title>Báo cáo</title></head><body><article>".utf8)
        let tail = Array("</article></body></html>".utf8)
        return Data(
            before + head + encode("<p>\(first)</p>") + between + encode("<p>\(second)</p>") + tail)
    }

    static func texts(_ data: Data, contentType: String = "text/html") throws -> (ParsedPage, [String]) {
        let page = try PageParser().parse(data: data, source: "hostile.html", contentType: contentType)
        return (page, paragraphs(page))
    }

    @Test("windows-1258 bytes the charset leaves undefined become U+FFFD, counted; the page stays whole")
    func undefinedWindows1258Bytes() throws {
        // 0x81, 0x8A and 0x9E have no character in windows-1258.
        let data = Self.page(charset: "windows-1258", encode: LegacyEncoding.windows1258, between: [0x81, 0x8A, 0x9E])
        let (page, texts) = try Self.texts(data)
        #expect(texts.count == 3, "\(texts)")
        #expect(texts.first == Self.first)
        #expect(texts.last == Self.second)
        #expect(texts.dropFirst().first == "\u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(page.replacedBytes == 3)
    }

    @Test("the same through the HTTP header's charset, with the meta saying nothing")
    func undefinedBytesWithHeaderCharset() throws {
        let body =
            Array("<html><body><article><p>".utf8) + LegacyEncoding.windows1258(Self.first) + [0x8D]
            + LegacyEncoding.windows1258(" \(Self.second)") + Array("</p></article></body></html>".utf8)
        let (page, texts) = try Self.texts(Data(body), contentType: "text/html; charset=windows-1258")
        #expect(texts == ["\(Self.first)\u{FFFD} \(Self.second)"])
        #expect(page.replacedBytes == 1)
    }

    @Test("ill-formed UTF-8 in a page declared UTF-8 becomes U+FFFD, not Latin-1 for the rest")
    func illFormedUTF8() throws {
        let data = Self.page(charset: "utf-8", encode: { Array($0.utf8) }, between: [0xC3, 0x28, 0xFF])
        let (page, texts) = try Self.texts(data)
        #expect(texts.first == Self.first)
        #expect(texts.last == Self.second)
        #expect(page.replacedBytes == 2)
    }

    @Test("a NUL byte between elements does not end the page", arguments: ["utf-8", "windows-1258"])
    func nulBetweenElements(charset: String) throws {
        let data =
            charset == "utf-8"
            ? Self.page(charset: charset, encode: { Array($0.utf8) }, between: [0, 0])
            : Self.page(charset: charset, encode: LegacyEncoding.windows1258, between: [0, 0])
        let (_, texts) = try Self.texts(data)
        #expect(texts == [Self.first, Self.second])
    }

    @Test("a leading NUL byte does not empty the page")
    func leadingNUL() throws {
        let (_, texts) = try Self.texts(Self.page(charset: "utf-8", encode: { Array($0.utf8) }, before: [0]))
        #expect(texts == [Self.first, Self.second])
    }

    @Test("a page without a declared charset keeps its NUL-free bytes as they were")
    func undeclaredPageUntouched() throws {
        let html = "<html><body><article><p>\(Self.first)</p><p>\(Self.second)</p></article></body></html>"
        let prepared = PageBytes(Data(html.utf8), declared: nil)
        #expect(prepared.data == Data(html.utf8))
        #expect(prepared.encoding == nil)
        #expect(!prepared.ignoreDeclaredEncoding)
    }

    @Test("a plain-text page in windows-1258 with an undefined byte keeps every line")
    func plainTextUndefinedByte() throws {
        let body =
            LegacyEncoding.windows1258(Self.first) + [0x0A, 0x9E, 0x0A] + LegacyEncoding.windows1258(Self.second)
        let (page, texts) = try Self.texts(Data(body), contentType: "text/plain; charset=windows-1258")
        #expect(texts == [Self.first, "\u{FFFD}", Self.second])
        #expect(page.replacedBytes == 1)
    }
}
