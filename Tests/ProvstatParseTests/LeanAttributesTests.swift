import CLibXML2Shim
import Foundation
import ProvstatCore
import Testing

@testable import ProvstatParse

/// Article detection parses without the attributes it does not read; what it finds must be what
/// it finds on the whole tree.
@Suite("Attributes left out of detection")
struct LeanAttributesTests {
    static let page = """
        <html><head><meta charset="utf-8"><title>Báo cáo tháng 10</title></head>
        <body id="top" style="margin:0" data-x="1">
          <div class="MENU" id="nav"><a href="/a" title="A">Trang chủ</a> <a href="/b">Tin tức</a></div>
          <div CLASS="news-content" Id="main" style="color:red" onclick="x()">
            <p align="justify" lang="vi">Kim ngạch xuất khẩu ước đạt 1.234,5 triệu USD, tăng 5,2% so với cùng kỳ, chiếm 30%.</p>
            <table border="1" width="100%" class="bang"><tr><th colspan="2" style="x">Chỉ tiêu</th><th ROWSPAN="2">Ghi chú</th></tr>
              <tr><td rowspan="2" valign="top">Lúa</td><td bgcolor="#fff">1,5</td></tr><tr><td>1,6</td><td>x</td></tr></table>
            <p><span class="tin-khac" title="t">Tin khác: <a href="/c">Một</a>, <a href="/d">Hai</a></span> và vốn đầu tư đạt 25,6 tỷ đồng, tăng mạnh.</p>
          </div>
          <div class="footer" id="f">Lượt truy cập: 123.456</div>
        </body></html>
        """

    /// The blocks of the page as detection reads them from a document built one way or the other.
    static func blocks(readAttributesOnly: Bool) throws -> [TextBlock] {
        let document = try HTMLDocument(
            data: Data(page.utf8), source: "lean.html", encoding: nil, ignoreDeclaredEncoding: false,
            readAttributesOnly: readAttributesOnly)
        let body = try #require(document.body?.node)
        let detector = ArticleDetector(tree: LibXMLTree(), body: body)
        return BlockCollector.blocks(of: detector.articleRoot() ?? body, in: LibXMLTree(), detector: detector)
    }

    @Test("the same blocks with only the attributes detection reads")
    func sameBlocks() throws {
        let full = try Self.blocks(readAttributesOnly: false)
        let lean = try Self.blocks(readAttributesOnly: true)
        #expect(!full.isEmpty)
        #expect(lean == full)
    }

    @Test("the lean document keeps class, id and spans, and nothing else")
    func keptAttributes() throws {
        let document = try HTMLDocument(
            data: Data(Self.page.utf8), source: "lean.html", encoding: nil, ignoreDeclaredEncoding: false,
            readAttributesOnly: true)
        let main = try #require(try document.nodes(matching: "//div[@id='main']").first)
        #expect(main.attribute("class") == "news-content")
        #expect(main.attribute("style") == nil)
        #expect(try document.nodes(matching: "//td[@rowspan='2']").count == 1)
        #expect(try document.nodes(matching: "//th[@colspan='2']").count == 1)
        #expect(try document.nodes(matching: "//a[@href]").isEmpty)
    }

    @Test("the C list of kept attributes is ElementTag's: names of containers and filterable elements, spans of cells")
    func keptAttributesFollowElementTag() {
        let known = Set(ElementTag.nameLists.flatMap(\.names))
        for name in known.union(["a", "img", "i", "em", "strong", "form", "custom-element", "x", "tdx", "t"]) {
            let tag = ElementTag.nameLists.filter { $0.names.contains(name) }.reduce(ElementTag()) { $0.union($1.tag) }
            let readsNames = !tag.isDisjoint(with: [.container, .filterable])
            for attribute in ["class", "id", "CLASS", "Id"] {
                #expect((provstat_lean_keeps_attribute(name, attribute) != 0) == readsNames, "\(name) \(attribute)")
            }
            for attribute in ["rowspan", "colspan", "ROWSPAN"] {
                #expect(
                    (provstat_lean_keeps_attribute(name, attribute) != 0) == tag.contains(.cell), "\(name) \(attribute)"
                )
            }
            for attribute in ["style", "href", "title", "data-id", "classname"] {
                #expect(provstat_lean_keeps_attribute(name, attribute) == 0, "\(name) \(attribute)")
            }
        }
    }
}
