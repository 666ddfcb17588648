import CLibXML2
import Foundation
import ProvstatCore
import Testing

@testable import ProvstatParse

/// Pages read for detection go through the flat tree (libxml2's parser, provstat's SAX callbacks);
/// it must hold the nodes libxml2's own tree holds and give the same title and blocks.
@Suite("Flat tree")
struct FlatTreeTests {
    /// Small pages, each a case the tree building must get right.
    static let pages: [String] = [
        // A data table inside a layout table, and a table in a cell.
        """
        <html><head><title>Bảng số liệu</title></head><body><table><tr><td>
        <p>Sản lượng lúa cả năm ước đạt 512.300 tấn, tăng 1,2% so với năm trước, năng suất bình quân 61 tạ/ha.</p>
        <table><tr><th>Chỉ tiêu</th><th>Tháng 9</th></tr><tr><td>Lúa</td><td>1.234</td></tr></table>
        </td></tr></table>
        <table><thead><tr><th colspan="2">Vốn</th></tr></thead><tr><td rowspan=" 2 ">Nhà nước</td><td>10,5</td></tr>
        <tr><td>11,2</td></tr></table></body></html>
        """,
        // Texts on both sides of comments, entities, and a processing instruction.
        """
        <!-- đầu trang --><html><body><div class="content"><p>Thu ngân sách<!-- ghi chú --> đạt 1.200 tỷ &amp; chi
        ngân sách 980 tỷ&nbsp;đồng, tăng 3,5%, giảm 2,1%, đạt 75% dự toán năm.<?php echo 1; ?> Còn lại &#8220;ổn định&#x201D;.</p>
        </div></body></html>
        """,
        // Implied html, body and p; text before any element; a title in the body.
        """
        Báo cáo nhanh tình hình kinh tế, xã hội tháng 10, số liệu ước tính, chưa chính thức.
        <title>Trang  lạc\tchỗ</title><b>Kim ngạch</b> xuất khẩu ước đạt 1.234,5 triệu USD, tăng 5,2%, chiếm 30%.
        """,
        // Detection picks a nested div; furniture named and link-heavy blocks are left out.
        """
        <!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN"><html><head><title>Tin</title></head><body>
        <div id="wrap"><div class="menu"><a href="/1">Trang chủ</a> <a href="/2">Giới thiệu</a></div>
        <div class="box"><div class="detail"><p>Tổng mức bán lẻ hàng hóa ước đạt 5.432 tỷ đồng, tăng 8,1% so với cùng kỳ, trong đó
        thương nghiệp chiếm 70%, khách sạn, nhà hàng chiếm 12%.</p><p>Chỉ số giá tiêu dùng tăng 0,3%, bình quân 9 tháng tăng 3,1%,
        lạm phát cơ bản tăng 2,7%.</p><ul class="tin-khac"><li><a href="/3">Tin cũ hơn</a></li></ul></div>
        <p>Lượt xem: 1.024</p></div></div>
        <div class="footer">Bản quyền thuộc về Cổng thông tin điện tử tỉnh, ghi rõ nguồn khi phát hành lại.</div>
        </body></html>
        """,
        // Word's prefixed elements, script and style, misplaced html, head and body tags.
        """
        <html><head><style>p { color: red }</style><title>Word &amp; HTML</title></head><body>
        <html lang="vi"><head><title>Thứ hai</title></head><body class="x">
        <div class="WordSection1"><p class="MsoNormal">Giá trị sản xuất nông nghiệp ước đạt 1.820 tỷ đồng, tăng 2,9%, vượt 1,2%
        kế hoạch.<o:p></o:p></p><script>document.write("<p>không đọc</p>");</script>
        <o:p>Vốn đầu tư thực hiện ước đạt 3.100 tỷ đồng, tăng 11%, bằng 68% kế hoạch năm.</o:p></div>
        </body></html>
        """,
        // Elements after the closed document: libxml2 adds them to the root.
        """
        <html><head><title>Sau cùng</title></head><body><div><p>Đầu tư công giải ngân được 2.450 tỷ đồng, đạt 61,3% kế hoạch,
        cao hơn bình quân cả nước.</p></div></body></html><!-- cuối --><div><p>Phần thêm sau thẻ đóng, 45 tỷ đồng, tăng 5%, giảm 2%.</p></div>
        """,
        // The same after a doctype: they go beside the root.
        """
        <!DOCTYPE html><html><body><p>Trước, 12 tỷ đồng, tăng 1%, giảm 3%, đạt 90% kế hoạch năm, vượt dự toán.</p></body></html>
        <div><p>Sau, 34 tỷ đồng, tăng 2%, giảm 4%, đạt 95% kế hoạch năm, vượt dự toán giao.</p></div>
        """,
        // No body at all, only a frameset; an empty page; a page of whitespace.
        "<html><head><title>Khung</title></head><frameset><frame src=\"a.html\"></frameset></html>",
        "<html></html>",
        " \n\t ",
        // Unclosed elements, stray end tags, a bare ampersand and an unknown entity.
        """
        <body><div class="noidung"><p>Tăng trưởng GRDP 9 tháng đạt 7,2%, trong đó khu vực dịch vụ tăng 8,4%, công nghiệp
        tăng 9,1%, nông nghiệp tăng 3% </span></div></td><p>Doanh thu R&D đạt 12 tỷ &foo; đồng, tăng 4%, giảm 1%,
        ổn định<li>mục một, 15%, 20%<li>mục hai, 25%, 30%
        """,
        // Past libxml2's depth limit of 256 open elements.
        "<html><body>" + String(repeating: "<div>", count: 300) + "Sâu quá, 12 tỷ đồng, tăng 3%, giảm 1%, đạt 98%."
            + String(repeating: "</div>", count: 300)
            + "<p>Sau giới hạn độ sâu, 12 tỷ đồng, tăng 3%.</p></body></html>",
    ]

    /// The nodes below `node`, one line each, indented by depth: names with the attributes
    /// detection reads, texts, and `#other` for comments and instructions.
    static func outline<Tree: HTMLTree>(_ tree: Tree, _ node: Tree.Node, skip: (Tree.Node) -> Bool) -> [String] {
        var lines: [String] = []
        func visit(_ node: Tree.Node, depth: Int) {
            var child = tree.firstChild(node)
            while let current = child {
                child = tree.next(current)
                if skip(current) { continue }
                let indent = String(repeating: " ", count: depth)
                if tree.isText(current) {
                    lines.append(indent + "#text " + String(cString: tree.content(current)!))
                } else if tree.isElement(current) {
                    // Only the attributes a flat tree keeps (of these names: prefixed names keep none).
                    let tag = tree.tag(current)
                    var label: [UInt8] = []
                    if !tag.isDisjoint(with: [.container, .filterable]) {
                        tree.appendAttribute(current, "class", to: &label)
                        label.append(0x7C)
                        tree.appendAttribute(current, "id", to: &label)
                    }
                    let spans =
                        tag.contains(.cell)
                        ? [tree.spanText(current, "rowspan"), tree.spanText(current, "colspan")] : []
                    lines.append(
                        indent + "\(tree.tag(current).rawValue) \(String(decoding: label, as: UTF8.self)) \(spans)")
                    visit(current, depth: depth + 1)
                } else {
                    lines.append(indent + "#other")
                }
            }
        }
        visit(node, depth: 0)
        return lines
    }

    /// The outline of libxml2's tree of `html` (its doctype left out: the flat tree has none).
    static func libxmlOutline(_ html: String) throws -> [String] {
        let document = try HTMLDocument(data: Data(html.utf8), source: "flat.html")
        let root = UnsafeMutableRawPointer(document.doc).assumingMemoryBound(to: xmlNode.self)
        return withExtendedLifetime(document) {
            outline(LibXMLTree(), root) { $0.pointee.type == XML_DTD_NODE }
        }
    }

    static func flat(_ html: String) throws -> FlatDocument {
        try FlatDocument(data: Data(html.utf8), source: "flat.html", encoding: nil, ignoreDeclaredEncoding: false)
    }

    @Test("the same nodes as libxml2's tree, page by page", arguments: pages.indices)
    func sameNodes(index: Int) throws {
        let html = Self.pages[index]
        let document = try Self.flat(html)
        let lines = Self.outline(document.tree, FlatTree.document) { _ in false }
        #expect(lines == (try Self.libxmlOutline(html)))
        #expect(!lines.isEmpty || index >= 8)
    }

    /// Tag soup from a seed: elements of every kind the parser treats apart, closed or not, in
    /// any order, with comments, entities, doctypes, instructions and stray bytes between them.
    static func soup(seed: UInt64) -> String {
        var generator = SeededBytes(state: seed)
        let pieces = [
            "<html>", "</html>", "<head>", "</head>", "<body class=\"content\">", "</body>", "<title>", "</title>",
            "<div class=\"menu\" id=\"a\">", "<div>", "</div>", "<p>", "</p>", "<table>", "</table>", "<tr>",
            "</tr>", "<td rowspan=\"2\" colspan=x>", "<th>", "</td>", "<tbody>", "<thead>", "<a href=\"/x\">", "</a>",
            "<script>var a = '<p>';</script>", "<style>p{}</style>", "<o:p>", "</o:p>", "<li>", "<ul>", "</ul>",
            "<br>", "<img src=x>", "<!-- c -->", "<?pi x?>", "<!DOCTYPE html>", "&amp;", "&nbsp;", "&#8220;", "&bogus;",
            "<span class=\"tin-khac\">", "</span>", "<font>", "<center>", "<select><option>a</select>", "<![CDATA[x]]>",
            "<frameset>", "<noscript>n</noscript>", "<textarea>t</textarea>", "\n", "  ", "\t", "<", ">", "&",
            "Doanh thu 12,5 tỷ đồng, tăng 3%,", " chiếm 40%. ", "Vốn", "\u{A0}", "<h2>", "</h2>", "<pre> a  b </pre>",
        ]
        var html = ""
        for _ in 0..<Int(generator.next() % 120) {
            html += pieces[Int(generator.next() % UInt64(pieces.count))]
        }
        return html
    }

    @Test("tag soup: the same nodes as libxml2's tree, and the same title and blocks", arguments: 0..<8)
    func soupNodes(batch: Int) throws {
        for seed in (batch * 50)..<(batch * 50 + 50) {
            let html = Self.soup(seed: UInt64(seed))
            guard !html.isEmpty else { continue }
            let flat = try Self.flat(html)
            #expect(Self.outline(flat.tree, FlatTree.document) { _ in false } == (try Self.libxmlOutline(html)))
            // Ties between equal scores broken in document order in both trees.
            let libxml = try HTMLDocument(data: Data(html.utf8), source: "soup.html")
            let document = UnsafeMutableRawPointer(libxml.doc).assumingMemoryBound(to: xmlNode.self)
            let expected = withExtendedLifetime(libxml) {
                let tree = DocumentOrderTree(LibXMLTree(), root: document)
                return PageParser.detectedArticle(
                    in: tree, body: libxml.body.map { tree.node($0.node) }, title: libxml.title)
            }
            let actual = withExtendedLifetime(flat) {
                let tree = DocumentOrderTree(flat.tree, root: FlatTree.document)
                return PageParser.detectedArticle(in: tree, body: flat.body.map(tree.node), title: flat.title)
            }
            #expect(actual.title == expected.title)
            #expect(actual.blocks == expected.blocks, "seed \(seed)")
        }
    }

    @Test("the same title and blocks as read from libxml2's tree", arguments: pages.indices)
    func sameBlocks(index: Int) throws {
        let html = Self.pages[index]
        let page = try parse(html)
        let reference = try FlatDocumentPagesTests.libxmlRead(Data(html.utf8))
        #expect(page.title == reference.0)
        #expect(page.blocks == reference.1)
    }

    @Test("pages parsed on many threads at once give what they give one at a time")
    func concurrentParses() throws {
        let expected = try Self.pages.map { try parse($0).blocks }
        let results = Collected(count: Self.pages.count * 8)
        DispatchQueue.concurrentPerform(iterations: Self.pages.count * 8) { index in
            results.set(index, try? parse(Self.pages[index % Self.pages.count]).blocks)
        }
        for (index, blocks) in results.all.enumerated() {
            #expect(blocks == expected[index % Self.pages.count])
        }
    }

    @Test("texts merge as libxml2 merges them: across entities, not across comments")
    func textMerging() throws {
        let document = try Self.flat("<p>Một &amp; hai<!-- x -->ba&#32;bốn<?pi x?>năm</p>")
        let lines = Self.outline(document.tree, FlatTree.document) { _ in false }
        let p = ElementTag([.blockLevel, .paragraph, .filterable]).rawValue
        let html = ElementTag.blockLevel.rawValue
        let body = ElementTag([.blockLevel, .container]).rawValue
        #expect(
            lines == [
                "\(html)  []", " \(body) | []", "  \(p) | []", "   #text Một & hai",
                "   #other", "   #text ba bốn", "   #other", "   #text năm",
            ])
    }

    @Test("a nested table: the layout table is read as text, the data table in it as a grid")
    func nestedTables() throws {
        let page = try parse(Self.pages[0])
        #expect(page.title == "Bảng số liệu")
        #expect(
            page.blocks == [
                .paragraph(
                    "Sản lượng lúa cả năm ước đạt 512.300 tấn, tăng 1,2% so với năm trước, năng suất bình quân 61 tạ/ha."
                ),
                .table(TableGrid(rows: [["Chỉ tiêu", "Tháng 9"], ["Lúa", "1.234"]], headerRowCount: 1)),
            ])
        // The second table lies outside the detected cell; the whole body read, its spans are expanded.
        let body = try parse(Self.pages[0], xpath: "//body")
        #expect(
            body.blocks.last
                == .table(
                    TableGrid(rows: [["Vốn", "Vốn"], ["Nhà nước", "10,5"], ["Nhà nước", "11,2"]], headerRowCount: 1)))
        #expect(body.blocks.count == 3)
    }

    @Test("entities are decoded and text around a comment joins into one paragraph")
    func entitiesAndComments() throws {
        let page = try parse(Self.pages[1])
        #expect(page.title == nil)
        #expect(
            paragraphs(page) == [
                "Thu ngân sách đạt 1.200 tỷ & chi ngân sách 980 tỷ đồng, tăng 3,5%, giảm 2,1%, đạt 75% dự toán năm. Còn lại “ổn định”."
            ])
    }

    @Test("implied elements: text before any tag, and a title found in the body")
    func impliedElements() throws {
        let page = try parse(Self.pages[2])
        #expect(page.title == "Trang lạc chỗ")
        #expect(
            paragraphs(page) == [
                "Báo cáo nhanh tình hình kinh tế, xã hội tháng 10, số liệu ước tính, chưa chính thức.",
                // A title in the body is inline text like any other.
                "Trang lạc chỗKim ngạch xuất khẩu ước đạt 1.234,5 triệu USD, tăng 5,2%, chiếm 30%.",
            ])
    }

    @Test("detection picks the nested div of the article, without its link list")
    func nestedDetection() throws {
        let page = try parse(Self.pages[3])
        #expect(
            paragraphs(page) == [
                "Tổng mức bán lẻ hàng hóa ước đạt 5.432 tỷ đồng, tăng 8,1% so với cùng kỳ, trong đó thương nghiệp chiếm 70%, khách sạn, nhà hàng chiếm 12%.",
                "Chỉ số giá tiêu dùng tăng 0,3%, bình quân 9 tháng tăng 3,1%, lạm phát cơ bản tăng 2,7%.",
            ])
    }

    @Test("a prefixed element is its local name; scripts are left out")
    func prefixedElements() throws {
        let page = try parse(Self.pages[4])
        #expect(page.title == "Word & HTML")
        #expect(
            paragraphs(page) == [
                "Giá trị sản xuất nông nghiệp ước đạt 1.820 tỷ đồng, tăng 2,9%, vượt 1,2% kế hoạch.",
                "Vốn đầu tư thực hiện ước đạt 3.100 tỷ đồng, tăng 11%, bằng 68% kế hoạch năm.",
            ])
    }

    @Test("pages without a body or without anything give no blocks; an empty buffer is an error")
    func emptyPages() throws {
        #expect(try parse(Self.pages[7]).title == "Khung")
        #expect(try parse(Self.pages[7]).blocks.isEmpty)
        #expect(try parse(Self.pages[8]).blocks.isEmpty)
        #expect(try parse(Self.pages[9]).blocks.isEmpty)
        #expect(throws: ParseError.self) { try parse("") }
    }

    @Test("past the depth limit libxml2 stops: the flat tree stops at the same element")
    func depthLimit() throws {
        let document = try Self.flat(Self.pages[11])
        var depth = 0
        var node = try #require(document.body)
        while let child = document.tree.firstChild(node), document.tree.isElement(child) {
            node = child
            depth += 1
        }
        // html and body, then divs until 257 elements are open.
        #expect(depth == 255)
        #expect(try parse(Self.pages[11]).blocks.isEmpty)
    }

    @Test("a thread's reads reuse the last freed tree: page after page reads as a fresh one")
    func reusedTrees() throws {
        // A page larger than any other here grows the buffers; the smaller ones after it reuse
        // them, with the marks detection wrote and the texts and names of the big page behind.
        let rows = (0..<400).map { "<tr><td class=\"c\(($0))\" rowspan=2>\($0),5 tỷ</td><td>tăng \($0)%</td></tr>" }
        let paragraphs = (0..<300).map {
            "<div class=\"box\" id=\"d\($0)\"><p>Doanh thu tháng \($0) ước đạt \($0).200 tỷ đồng, tăng 2,\($0)%.</p></div>"
        }
        let big =
            "<html><head><title>Lớn</title></head><body><div class=\"content\">\(paragraphs.joined())"
            + "<table>\(rows.joined())</table></div></body></html>"
        let sequence = [big] + Self.pages + [big] + Self.pages.reversed() + (0..<40).map { Self.soup(seed: $0) }
        var previous: FlatDocument?
        for html in sequence where !html.isEmpty {
            // The last page's document still alive: its tree is not the one reused.
            let kept = previous.map { Self.outline($0.tree, FlatTree.document) { _ in false } }
            let document = try Self.flat(html)
            #expect(Self.outline(document.tree, FlatTree.document) { _ in false } == (try Self.libxmlOutline(html)))
            if let previous, let kept {
                #expect(Self.outline(previous.tree, FlatTree.document) { _ in false } == kept)
            }
            // The title and blocks of a read on a thread of its own, which has no tree to reuse.
            let page = try parse(html)
            let fresh = try Self.parseOnFreshThread(html)
            #expect(page.title == fresh.title)
            #expect(page.blocks == fresh.blocks)
            // A read that fails leaves the next one as it would be.
            #expect(throws: ParseError.self) { try parse("") }
            previous = document
        }
    }

    /// `parse(html)` on a new thread: its first read, with a tree made for it.
    static func parseOnFreshThread(_ html: String) throws -> ParsedPage {
        let result = FreshResult()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            result.value = try? parse(html)
            done.signal()
        }
        thread.start()
        done.wait()
        return try #require(result.value)
    }
}

/// Blocks written from many threads, each under an NSLock. Not a `Mutex`: ThreadSanitizer sees a
/// pthread mutex, but not the futex a `Mutex` waits on, and reported the writes it guards as a race.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var blocks: [[TextBlock]?]

    init(count: Int) { blocks = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: [TextBlock]?) { lock.withLock { blocks[index] = value } }

    var all: [[TextBlock]?] { lock.withLock { blocks } }
}

/// A result handed from a thread that ends before it is read (the semaphore orders the accesses).
private final class FreshResult: @unchecked Sendable {
    var value: ParsedPage?
}
