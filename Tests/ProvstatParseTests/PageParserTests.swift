import Foundation
import ProvstatCore
import Testing

@testable import ProvstatParse

/// Parses an HTML string.
func parse(_ html: String, xpath: String? = nil) throws(ParseError) -> ParsedPage {
    try PageParser().parse(data: Data(html.utf8), source: "test.html", contentType: "text/html", xpath: xpath)
}

/// The paragraphs of a parsed page.
func paragraphs(_ page: ParsedPage) -> [String] {
    page.blocks.compactMap { if case .paragraph(let text) = $0 { text } else { nil } }
}

/// The tables of a parsed page.
func tables(_ page: ParsedPage) -> [TableGrid] {
    page.blocks.compactMap { if case .table(let grid) = $0 { grid } else { nil } }
}

@Suite("Article detection")
struct ArticleDetectionTests {
    @Test("class and id weights: furniture anywhere wins, then article-like names, then weak ones")
    func classNameWeights() {
        let weights = [
            "menu content", "Main-Box", "box", "x sideBAR", "tin-khac noidung", "chitiet", "", " ", "a b", "rightcol",
            "news-content", "left-co",
        ].map { ClassNameWeight.of(label: Array($0.utf8)) }
        #expect(weights == [0.2, 1.5, 0.5, 0.2, 0.2, 1.5, 1, 1, 1, 0.5, 1.5, 1])
    }

    static let page = """
        <html><head><title>Tin kinh tế</title><script>var views = 12345;</script></head><body>
        <div id="header" class="top"><ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/kt">Kinh tế</a></li>
        <li><a href="/xh">Xã hội</a></li></ul></div>
        <div class="wrap">
          <div class="side-box"><div class="counter">Lượt truy cập: 12.345.678<br>Đang online: 45<br>Tất cả: 11,812,661</div>
            <ul><li><a href="/1">Giá lúa tăng 300 đồng/kg</a></li><li><a href="/2">Đón 20.000 lượt khách</a></li></ul></div>
          <div class="news-body">
            <div class="views">Lượt xem: 229</div>
            <p>Trong tháng, ngành nông nghiệp của huyện gieo trồng được 4.150 ha lúa, đạt 98,5% kế hoạch, tăng 2,1% so với cùng kỳ năm trước.</p>
            <p>Giá trị sản xuất công nghiệp ước đạt 2.310 tỷ đồng, trong đó công nghiệp chế biến chiếm 87,4%, các ngành còn lại chiếm phần nhỏ.</p>
            <div class="related"><b>Tin liên quan</b><ul><li><a href="/3">Xuất khẩu tăng 9% so với cùng kỳ</a></li>
            <li><a href="/4">Thu hút 12 dự án mới trong quý</a></li><li><a href="/5">Khai mạc hội chợ lần thứ 3</a></li></ul></div>
            <div class="paging"><a href="?p=1">1</a> <a href="?p=2">2</a> <a href="?p=3">3</a></div>
          </div>
        </div>
        <div id="footer">Địa chỉ: Số 5 Lê Lợi, Phường 2. Điện thoại: 0290.3831.234. Giấy phép số 12/GP-TTĐT.</div>
        </body></html>
        """

    @Test("keeps the article's paragraphs and leaves menus, counters, related links and footers out")
    func detectsArticle() throws {
        let page = try parse(Self.page)
        let text = paragraphs(page).joined(separator: "\n")
        #expect(text.contains("4.150 ha lúa"))
        #expect(text.contains("2.310 tỷ đồng"))
        for furniture in [
            "Trang chủ", "Lượt truy cập", "Đang online", "Tất cả", "Giá lúa tăng", "Tin liên quan", "Điện thoại",
            "views",
        ] {
            #expect(!text.contains(furniture), "\(furniture) leaked into \(text)")
        }
        #expect(page.title == "Tin kinh tế")
    }

    @Test("the headline repeating the page title is left out of a detected article")
    func headline() throws {
        let html = """
            <html><head><title>Xuất khẩu 9 tháng đạt 745,6 triệu USD | Báo tỉnh</title></head><body><div class="detail">
            <h1>Xuất khẩu 9 tháng đạt 745,6 triệu USD</h1>
            <p>Theo Sở Công Thương, kim ngạch xuất khẩu 9 tháng ước đạt 745,6 triệu USD, tăng 6,8% so với cùng kỳ năm trước.</p>
            </div></body></html>
            """
        let page = try parse(html)
        #expect(paragraphs(page).count == 1)
        #expect(paragraphs(try parse(html, xpath: "//div")).count == 2)
    }

    @Test("an XPath selects exactly its elements")
    func xpath() throws {
        let page = try parse(Self.page, xpath: "//div[@class='counter']")
        #expect(paragraphs(page) == ["Lượt truy cập: 12.345.678", "Đang online: 45", "Tất cả: 11,812,661"])
    }

    @Test("an invalid XPath or one that selects nothing is an error that names the page")
    func badXPath() {
        #expect(throws: ParseError.self) { try parse(Self.page, xpath: "//div[") }
        let error = #expect(throws: ParseError.self) { try parse(Self.page, xpath: "//article") }
        #expect(error?.source == "test.html")
    }

    @Test("a page laid out with tables is read as text, its data table as a grid")
    func layoutTable() throws {
        let html = """
            <html><body><table width="980"><tr><td class="cot-trai"><a href="/">Trang chủ</a><br><a href="/a">Giới thiệu</a></td>
            <td class="cot-giua"><div id="noidung"><p>Toàn tỉnh có 612 doanh nghiệp thành lập mới với tổng vốn đăng ký 4.318,7 tỷ đồng, tăng 7,5% so với cùng kỳ.</p>
            <p>Cũng trong thời gian này, có 186 doanh nghiệp quay trở lại hoạt động, 97 doanh nghiệp giải thể.</p>
            <table border="1"><tr><th>Chỉ tiêu</th><th>Số lượng</th></tr><tr><td>Thành lập mới</td><td>612</td></tr></table></div></td>
            <td class="cot-phai">Đang trực tuyến: 135</td></tr></table></body></html>
            """
        let page = try parse(html)
        #expect(paragraphs(page).contains { $0.contains("612 doanh nghiệp") })
        #expect(!paragraphs(page).contains { $0.contains("Đang trực tuyến") })
        #expect(tables(page).first?.rows == [["Chỉ tiêu", "Số lượng"], ["Thành lập mới", "612"]])
    }

    @Test("NFD pages give NFC text")
    func normalisesText() throws {
        let html = "<p>Sản lượng thủy sản ước đạt 268.400 tấn, tăng 5,6% so với cùng kỳ, vượt kế hoạch đề ra.</p>"
        let page = try parse(html.decomposedStringWithCanonicalMapping)
        #expect(paragraphs(page) == [String(html.dropFirst(3).dropLast(4))])
    }

    @Test("reads plain text as one paragraph per line")
    func plainText() throws {
        let page = try PageParser().parse(data: Data("Dòng một.\n\nDòng  hai.\n".utf8), source: "a.txt")
        #expect(paragraphs(page) == ["Dòng một.", "Dòng hai."])
    }
}

@Suite("Tables")
struct TableReaderTests {
    @Test("expands rowspan and colspan and keeps header rows")
    func spans() throws {
        let html = """
            <table><thead><tr><th rowspan="2">Chỉ tiêu</th><th colspan="2">Thực hiện</th></tr>
            <tr><th>Tháng 9</th><th>9 tháng</th></tr></thead>
            <tbody><tr><td rowspan="2">Lúa</td><td>1,5</td><td>12,0</td></tr><tr><td>1,6</td><td>13,1</td></tr></tbody></table>
            """
        let grid = try #require(tables(try parse(html, xpath: "//body")).first)
        #expect(grid.headerRowCount == 2)
        #expect(
            grid.rows == [
                ["Chỉ tiêu", "Thực hiện", "Thực hiện"], ["Chỉ tiêu", "Tháng 9", "9 tháng"], ["Lúa", "1,5", "12,0"],
                ["Lúa", "1,6", "13,1"],
            ])
    }

    @Test("clamps absurd spans instead of allocating them")
    func hugeSpans() throws {
        let cells = String(repeating: "<td rowspan=\"65534\" colspan=\"1000\">x</td>", count: 200)
        let html = "<table>" + String(repeating: "<tr>\(cells)</tr>", count: 50) + "</table>"
        let grid = try #require(tables(try parse(html, xpath: "//body")).first)
        #expect(grid.rows.count * (grid.rows.first?.count ?? 0) <= TableReader.maximumCells)
    }
}

@Suite("Whitespace collapsing")
struct CollapsedTextTests {
    @Test("text collapsed piece by piece equals the pieces joined and collapsed")
    func matchesCollapsingWhitespace() {
        let pieces = [
            "  Sản\u{00A0}\u{00A0}lượng\t", "\n", "", "đạt\u{3000}5", "\u{2009}tỷ ", "\u{FEFF}đồng\u{200B}.", "  ",
            "€\u{E2}", "\u{85}x",
        ]
        var text = CollapsedText()
        for piece in pieces {
            var bytes = Array(piece.utf8)
            bytes.append(0)
            bytes.withUnsafeBufferPointer { text.append(cString: $0.baseAddress!) }
        }
        #expect(text.string == pieces.joined().collapsingWhitespace())
        #expect(text.string == "Sản lượng đạt 5 tỷ đồng . €â x")
        text.removeAll()
        #expect(text.isEmpty && text.string.isEmpty)
    }

    @Test("a combining mark anywhere in the pieces is noted as they pass, and forgotten with the text")
    func notesCombiningMarks() {
        func collapsed(_ pieces: [String]) -> CollapsedText {
            var text = CollapsedText()
            for piece in pieces {
                var bytes = Array(piece.utf8)
                bytes.append(0)
                bytes.withUnsafeBufferPointer { text.append(cString: $0.baseAddress!) }
            }
            return text
        }
        // Precomposed Vietnamese (U+1Exx, U+01xx) needs no NFC; a combining mark (U+0300–U+036F)
        // first, last, after a space or after other whitespace may.
        #expect(!collapsed(["Sản lượng ", " đạt\u{00A0}5 tỷ ", "ớ ư"]).mayNeedNFC)
        for pieces in [
            ["Sa\u{0309}n lượng"], ["\u{0301}a"], ["lượng a\u{0323}"], ["x", " \u{0300}"], ["a\u{00A0}\u{0342}b"],
            ["một", "  \u{036F}  "],
        ] {
            var text = collapsed(pieces)
            #expect(text.mayNeedNFC, "\(pieces)")
            text.removeAll()
            #expect(!text.mayNeedNFC)
            text.append(cString: "ạ b")
            #expect(!text.mayNeedNFC)
        }
    }

    @Test("random pieces of text and every kind of whitespace collapse as joined and collapsed")
    func randomPieces() {
        let alphabet = [
            "a", "B", "ạ", "đ", "ể", ",", "5", " ", " ", "  ", "\t", "\n", "\r\n", "\u{00A0}", "\u{2009}", "\u{3000}",
            "\u{FEFF}", "\u{85}", "\u{1680}", "\u{200B}", "€", "ớ ",
        ]
        // A fixed linear congruential sequence: the same cases on every run.
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<2_000 {
            let pieces = (0..<next(5)).map { _ in (0..<next(12)).map { _ in alphabet[next(alphabet.count)] }.joined() }
            var text = CollapsedText()
            for piece in pieces {
                var bytes = Array(piece.utf8)
                bytes.append(0)
                bytes.withUnsafeBufferPointer { text.append(cString: $0.baseAddress!) }
            }
            #expect(text.string == pieces.joined().collapsingWhitespace(), "\(pieces)")
        }
    }

    @Test("a link that holds no number is also read by its item's one headline")
    func aLinkIsReadByItsItemsHeadline() throws {
        let html = """
            <html><body><div class="list">
            <div class="item"><h3>Tình hình kinh tế - xã hội tháng 9/2024</h3><p>Tóm tắt …</p>
            <a class="more" href="a.html">Xem chi tiết</a></div>
            <div class="item"><div class="tieu-de">Báo cáo tháng 8/2024</div><a class="more" href="b.html">Đọc tiếp</a></div>
            <a class="more" href="c.html">Xem tất cả</a>
            <div class="item"><h3>Tin tháng 7</h3><a class="more" href="d.html">Tin 7/2024</a></div>
            </div></body></html>
            """
        let links = try PageParser().links(data: Data(html.utf8), source: "l.html", xpath: "//a[@class='more']")
        #expect(links.map(\.heading) == ["Tình hình kinh tế - xã hội tháng 9/2024", "Báo cáo tháng 8/2024", nil, nil])
    }
}
