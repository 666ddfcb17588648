import Foundation
import LoopbackServer
import TestSupport
import Testing

/// `provstat extract` on a page served over loopback HTTP and on a plain-text file.
@Suite("provstat extract, as a child process")
struct ExtractCommandTests {
    struct Output: Decodable {
        struct Fact: Decodable {
            var value: Double
            var unit: String
            var kind: String
            var estimate: Bool
            var raw: String
            var sentence: String
            var start: Int
            var end: Int
        }
        var source: String
        var facts: [Fact]
    }

    static let page = """
        <html><head><meta charset="utf-8"><title>Tình hình kinh tế tháng 10</title></head><body>
        <ul class="menu"><li><a href="/">Trang chủ</a></li></ul>
        <div class="content"><p>Kim ngạch xuất khẩu ước đạt 132,5 triệu USD, tăng 8,2% so với cùng kỳ.</p></div>
        <div class="footer">Lượt xem: 229</div></body></html>
        """

    @Test func aURLIsFetchedAndReadAsTheSpecSays() throws {
        let provstat = try #require(ChildProvstat.locate(), "build the provstat product first (swift build)")
        let server = LoopbackServer(routes: [
            "/bao-cao.html": .init(.html(Self.page)), "/robots.txt": .init(.status(404)),
        ])
        try server.start()
        defer { try? server.stop() }
        let url = server.url("/bao-cao.html")
        let outcome = try provstat.run(["extract", "--json", url], in: FileManager.default.temporaryDirectory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let output = try JSONDecoder().decode(Output.self, from: Data(outcome.stdout.utf8))
        #expect(output.source == url)
        #expect(output.facts.count == 2)
        let exports = try #require(output.facts.first)
        #expect(exports.value == 132_500_000)
        #expect(exports.unit == "USD")
        #expect(exports.estimate)
        let scalars = Array(exports.sentence.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[exports.start..<exports.end])) == exports.raw)
        #expect(output.facts[1].kind == "growth_yoy")
        #expect(output.facts[1].value == 8.2)
        #expect(server.requests(for: "/bao-cao.html").first?.header("user-agent")?.hasPrefix("provstat/") == true)
    }

    @Test func aMissingPageExits66NamingIt() throws {
        let provstat = try #require(ChildProvstat.locate(), "build the provstat product first (swift build)")
        let server = LoopbackServer(routes: ["/robots.txt": .init(.status(404))])
        try server.start()
        defer { try? server.stop() }
        let outcome = try provstat.run(
            ["extract", server.url("/nope.html")], in: FileManager.default.temporaryDirectory)
        #expect(outcome.status == 66)
        #expect(outcome.stderr.contains("/nope.html: HTTP 404"))
    }

    @Test func plainTextIsReadToo() throws {
        let provstat = try #require(ChildProvstat.locate(), "build the provstat product first (swift build)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "provstat-txt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("report.txt")
        try "Tổng thu ngân sách đạt 1.028,84 tỷ đồng.\nChỉ số giá tiêu dùng tăng 0,32% so với tháng trước.\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let outcome = try provstat.run(["extract", file.path], in: directory)
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("1028840000000"))
        #expect(outcome.stdout.contains("growth_mom"))
        #expect(outcome.stdout.hasSuffix("2 facts\n"))
    }
}
