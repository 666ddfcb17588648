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

    @Test("the same blocks with only the attributes detection reads as with libxml2's whole tree")
    func sameBlocks() throws {
        let full = try FlatDocumentPagesTests.libxmlRead(Data(Self.page.utf8))
        let flat = try parse(Self.page)
        #expect(!flat.blocks.isEmpty)
        #expect(flat.blocks == full.1)
        #expect(flat.title == full.0)
    }

    /// Each element's kept attributes in `html`'s flat tree, as `name class|id [rowspan, colspan]`.
    static func keptAttributes(_ html: String) throws -> [String] {
        let document = try FlatDocument(
            data: Data(html.utf8), source: "lean.html", encoding: nil, ignoreDeclaredEncoding: false)
        let tree = document.tree
        var lines: [String] = []
        for node in 0..<document.nodeCount where tree.isElement(node) && tree.nodes[Int(node)].length > 0 {
            var label: [UInt8] = []
            tree.appendAttribute(node, "class", to: &label)
            label.append(0x7C)
            tree.appendAttribute(node, "id", to: &label)
            let spans = [tree.spanText(node, "rowspan"), tree.spanText(node, "colspan")].map { $0 ?? "-" }
            lines.append("\(String(cString: tree.name(node))) \(String(decoding: label, as: UTF8.self)) \(spans)")
        }
        return withExtendedLifetime(document) { lines }
    }

    @Test("the flat tree keeps class, id and spans, and nothing else")
    func keptAttributes() throws {
        #expect(
            try Self.keptAttributes(Self.page) == [
                "body |top [\"-\", \"-\"]", "div MENU|nav [\"-\", \"-\"]", "div news-content|main [\"-\", \"-\"]",
                "table bang| [\"-\", \"-\"]", "th | [\"-\", \"2\"]", "th | [\"2\", \"-\"]", "td | [\"2\", \"-\"]",
                "span tin-khac| [\"-\", \"-\"]", "div footer|f [\"-\", \"-\"]",
            ])
        // As the lean filter reads the full name, a prefixed element keeps nothing; empty values stay.
        #expect(
            try Self.keptAttributes(
                "<body><o:p class=\"menu\">x</o:p><div class=\"\" id>y</div><td rowspan=\"\">z</td>")
                == ["div | [\"-\", \"-\"]", "td | [\"\", \"-\"]"])
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
