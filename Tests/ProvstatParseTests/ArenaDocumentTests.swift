import Foundation
import ProvstatCore
import TestSupport
import Testing

@testable import ProvstatParse

/// A detected article's page is built in one arena and dropped whole; what detection reads from
/// it must be what it reads from the same lean tree built and freed block by block.
@Suite("Documents built in an arena")
struct ArenaDocumentTests {
    /// The bundled demo pages, the lean-attributes page, and broken copies of each.
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

    /// The title and detected blocks of `data`, read from a lean document built in or out of an arena.
    static func read(_ data: Data, encoding: String? = nil, inArena: Bool) throws -> (String?, [TextBlock], Bool) {
        let document = try HTMLDocument(
            data: data, source: "arena.html", encoding: encoding, ignoreDeclaredEncoding: encoding != nil,
            readAttributesOnly: true, inArena: inArena)
        guard let body = document.body?.node else { return (document.title, [], document.isInArena) }
        let detector = ArticleDetector(tree: LibXMLTree(), body: body)
        let blocks = BlockCollector.blocks(of: detector.articleRoot() ?? body, in: LibXMLTree(), detector: detector)
        return (document.title, blocks, document.isInArena)
    }

    @Test("the same title and blocks in an arena as freed node by node, whole and broken pages alike")
    func sameBlocks() throws {
        #expect(Self.pages.count >= 20)
        for page in Self.pages {
            let arena = try Self.read(page, inArena: true)
            let heap = try Self.read(page, inArena: false)
            #expect(arena.2)
            #expect(!heap.2)
            #expect(arena.0 == heap.0)
            #expect(arena.1 == heap.1)
        }
    }

    @Test("blocks of a quarter megabyte and more (a chunk each, freed as libxml2 frees them) read the same")
    func largeBlocks() throws {
        // One paragraph of about 400 KB, and a page of about 1.5 MB with attributes to drop.
        let long = String(repeating: "Doanh thu đạt 12,5 tỷ đồng, tăng 3%. ", count: 10_000)
        let row = "<p style=\"color:red\" data-x=\"1\">Vốn đầu tư đạt 25,6 tỷ đồng, tăng mạnh.</p>"
        let html =
            "<html><body><div class=\"content\"><p>\(long)</p>\(String(repeating: row, count: 12_000))</div></body></html>"
        let data = Data(html.utf8)
        #expect(data.count < HTMLDocument.arenaBytes)
        let arena = try Self.read(data, inArena: true)
        let heap = try Self.read(data, inArena: false)
        #expect(arena.2)
        #expect(arena.1.count == 12_001)
        #expect(arena.1 == heap.1)
    }

    @Test("a page over the arena limit is built and freed node by node")
    func overTheLimit() throws {
        let row = "<p>Vốn đầu tư đạt 25,6 tỷ đồng, tăng mạnh.</p>"
        let data = Data(
            "<html><body>\(String(repeating: row, count: HTMLDocument.arenaBytes / row.utf8.count + 1))</body></html>"
                .utf8)
        #expect(try !Self.read(data, inArena: true).2)
    }

    @Test("a page converted by libxml2 from windows-1258 reads the same in an arena")
    func convertedEncoding() throws {
        let html =
            "<html><body><article><p>\(HostileBytesTests.first)</p><p>\(HostileBytesTests.second)</p></article></body></html>"
        let data = Data(LegacyEncoding.windows1258(html))
        let arena = try Self.read(data, encoding: "windows-1258", inArena: true)
        let heap = try Self.read(data, encoding: "windows-1258", inArena: false)
        #expect(arena.1 == heap.1)
        #expect(arena.1 == [.paragraph(HostileBytesTests.first), .paragraph(HostileBytesTests.second)])
    }

    @Test("libxml2's last error does not keep arena memory: later reads of broken pages, either way, survive")
    func errorsOutliveNoArena() throws {
        let broken = Data("<html><body><p>Doanh thu đạt 12,5 tỷ đồng<<</div>&#xFFFF;<table><td>1<b></i>".utf8)
        for _ in 0..<3 {
            _ = try Self.read(broken, inArena: true)
            _ = try Self.read(broken, inArena: false)
            _ = try HTMLDocument(data: broken, source: "full.html").title
        }
    }
}
