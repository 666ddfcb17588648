import Foundation
import TestSupport
import Testing

/// `provstat discover` as a user writing a listing rule runs it, on the bundled demo portal.
@Suite("discover, as a child process")
struct DiscoverCommandTests {
    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Pipelines/demo.yaml").path

    @Test func showsTheChosenLinkPerMonthAndExits69WhenAMonthIsMissing() throws {
        let provstat = try #require(ChildProvstat.locate(), "build the provstat product first (swift build)")
        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "provstat-discover-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        let text = try provstat.run(
            ["discover", "--pipeline", Self.demo, "--from", "2023-10", "--to", "2023-12", "--output", "out"], in: work)
        #expect(text.status == 69, "\(text.stdout)\n\(text.stderr)")
        #expect(text.stdout.contains("2023-10  monthly-report: found (score 115) "))
        #expect(text.stdout.contains("\"Tình hình kinh tế - xã hội tháng 10 năm 2023\""))
        #expect(text.stdout.contains("2023-12  monthly-report: not_published: no link for 12/2023"))
        #expect(text.stdout.contains("2023-11  main-indicators: URL template "))
        #expect(text.stdout.contains("3 months: 2 listing pages read, 0 requests sent"))

        let json = try provstat.run(
            ["discover", "--pipeline", Self.demo, "--month", "2023-11", "--json", "--output", "out"], in: work)
        #expect(json.status == 0, "\(json.stdout)\n\(json.stderr)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let months = try #require(document["months"] as? [[String: Any]])
        let sources = try #require(months.first?["sources"] as? [[String: Any]])
        let listing = try #require(sources.first { $0["source"] as? String == "monthly-report" })
        #expect(listing["status"] as? String == "found")
        let chosen = try #require(listing["chosen"] as? [String: Any])
        #expect(chosen["title"] as? String == "Tình hình kinh tế - xã hội tháng 11 năm 2023")
        #expect((chosen["url"] as? String)?.hasSuffix("/demo/reports/ktxh-thang-11-2023.html") == true)
        #expect(document["listing_pages"] as? Int == 1)
        // Nothing under the output root: discover writes no snapshot.
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("out/demo").path))
    }
}
