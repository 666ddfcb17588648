import Foundation
import ProvstatCore
import TestSupport
import Testing

@testable import ProvstatParse

/// Real pages, whole and broken: what detection reads from the flat tree must be what it reads
/// from libxml2's own tree of the same bytes.
@Suite("Flat documents of whole and broken pages")
struct FlatDocumentPagesTests {
    /// The bundled demo pages, the attributes page, and broken copies of each.
    static let pages: [Data] = {
        let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../Pipelines/demo")
        let names = (FileManager.default.enumerator(atPath: demo.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".html") }.sorted()
        let whole =
            [Data(LeanAttributesTests.page.utf8)]
            + names.compactMap { try? Data(contentsOf: demo.appendingPathComponent($0)) }
        return whole.flatMap { page -> [Data] in
            let bytes = Array(page)
            let cut = bytes.count / 3
            let garbage =
                bytes[..<cut] + Array("<table><tr><td>\u{1}<!--<p></div>&#xFFFF;".utf8) + [0xC3] + bytes[cut...]
            return [page, Data(bytes[..<cut]), Data(bytes[..<(2 * cut)]), Data(garbage)]
        }
    }()

    /// The title and detected blocks of `data` from libxml2's tree.
    static func libxmlRead(_ data: Data, encoding: String? = nil) throws -> (String?, [TextBlock]) {
        let document = try HTMLDocument(
            data: data, source: "pages.html", encoding: encoding, ignoreDeclaredEncoding: encoding != nil)
        return withExtendedLifetime(document) {
            let article = PageParser.detectedArticle(
                in: LibXMLTree(), body: document.body?.node, title: document.title)
            return (article.title, article.blocks)
        }
    }

    /// The title and detected blocks of `data` from the flat tree.
    static func flatRead(_ data: Data, encoding: String? = nil) throws -> (String?, [TextBlock]) {
        let document = try FlatDocument(
            data: data, source: "pages.html", encoding: encoding, ignoreDeclaredEncoding: encoding != nil)
        let article = withExtendedLifetime(document) {
            PageParser.detectedArticle(in: document.tree, body: document.body, title: document.title)
        }
        return (article.title, article.blocks)
    }

    @Test("the same title and blocks from the flat tree as from libxml2's, whole and broken pages alike")
    func sameBlocks() throws {
        #expect(Self.pages.count >= 20)
        var read = 0
        for page in Self.pages {
            let flat = try Self.flatRead(page)
            let libxml = try Self.libxmlRead(page)
            #expect(flat.0 == libxml.0)
            #expect(flat.1 == libxml.1)
            read += flat.1.count
        }
        #expect(read > 50)
    }

    @Test("a long text from many of the parser's pieces, and thousands of paragraphs, read the same")
    func largePage() throws {
        // One paragraph of about 400 KB (the parser hands text over a kilobyte at a time), and
        // 12,000 paragraphs with attributes the flat tree drops.
        let long = String(repeating: "Doanh thu đạt 12,5 tỷ đồng, tăng 3%. ", count: 10_000)
        let row = "<p style=\"color:red\" data-x=\"1\">Vốn đầu tư đạt 25,6 tỷ đồng, tăng mạnh.</p>"
        let html =
            "<html><body><div class=\"content\"><p>\(long)</p>\(String(repeating: row, count: 12_000))</div></body></html>"
        let flat = try Self.flatRead(Data(html.utf8))
        #expect(flat.1.count == 12_001)
        #expect(flat.1.first == .paragraph(long.collapsingWhitespace()))
        #expect(flat.1 == (try Self.libxmlRead(Data(html.utf8))).1)
    }

    @Test("a text past libxml2's 10 MB limit for one node stops the page there, as libxml2 stops")
    func hugeText() throws {
        let sentence = "Doanh thu đạt 12,5 tỷ đồng, tăng 3%. "
        let long = String(repeating: sentence, count: 10_100_000 / sentence.utf8.count + 1)
        let html = "<html><body><div><p>\(long)</p><p>Vốn đầu tư đạt 25,6 tỷ đồng.</p></div></body></html>"
        let flat = try Self.flatRead(Data(html.utf8))
        #expect(flat.1.count == 1)
        #expect(flat.1 == (try Self.libxmlRead(Data(html.utf8))).1)
    }

    @Test("a page libxml2 converts from windows-1258 reads the same")
    func convertedEncoding() throws {
        let html =
            "<html><body><article><p>\(HostileBytesTests.first)</p><p>\(HostileBytesTests.second)</p></article></body></html>"
        let data = Data(LegacyEncoding.windows1258(html))
        let flat = try Self.flatRead(data, encoding: "windows-1258")
        #expect(flat.1 == (try Self.libxmlRead(data, encoding: "windows-1258")).1)
        #expect(flat.1 == [.paragraph(HostileBytesTests.first), .paragraph(HostileBytesTests.second)])
    }

    @Test("broken pages read again and again, flat and as libxml2's tree, leave nothing behind")
    func repeatedBrokenReads() throws {
        let broken = Data("<html><body><p>Doanh thu đạt 12,5 tỷ đồng<<</div>&#xFFFF;<table><td>1<b></i>".utf8)
        for _ in 0..<3 {
            #expect(try Self.flatRead(broken).1 == (try Self.libxmlRead(broken)).1)
            _ = try HTMLDocument(data: broken, source: "full.html").title
        }
    }
}
