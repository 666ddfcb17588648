import Foundation
import LoopbackServer
import ProvstatCore
import TestSupport

@testable import ProvstatPipeline

/// Helpers for the discovery and fetch-stage tests: servers, encodings, definitions.
enum FetchStageFixtures {
    /// Starts a loopback server for the duration of `body` and stops it afterwards.
    static func withServer<T>(
        hosts: [String] = ["127.0.0.1"], routes: [String: LoopbackServer.Route] = [:],
        _ body: (LoopbackServer) throws -> T
    ) throws -> T {
        let server = LoopbackServer(hosts: hosts, routes: routes)
        try server.start()
        defer { try? server.stop() }
        return try body(server)
    }

    /// An HTML listing page with one `<a class="title">` per (href, title).
    static func listing(_ links: [(String, String)], next: String? = nil, meta: String = "") -> String {
        let items = links.map { "<li><a class=\"title\" href=\"\($0.0)\">\($0.1)</a></li>" }.joined()
        let nextLink = next.map { "<a class=\"next\" href=\"\($0)\">Trang sau</a>" } ?? ""
        return "<html><head>\(meta)<title>Tin tức</title></head><body><ul>\(items)</ul>\(nextLink)</body></html>"
    }

    /// A report page whose body states one export figure; `meta` goes in the head.
    static func report(_ month: String, meta: String = "<meta charset=\"utf-8\">") -> String {
        """
        <html><head>\(meta)<title>Báo cáo \(month)</title></head><body><article>
        <h1>Tình hình kinh tế - xã hội \(month)</h1>
        <p>Kim ngạch xuất khẩu hàng hóa \(month) ước đạt 1.234,5 triệu USD, tăng 5,2% so với cùng kỳ năm trước.</p>
        </article></body></html>
        """
    }

    /// A definition with `sources`, fetching quickly (no delay, short backoff, robots ignored
    /// unless `robots` is set).
    static func definition(_ sources: [SourceDefinition], delay: Double = 0, robots: Bool = false) -> PipelineDefinition
    {
        var fetch = FetchSettings()
        fetch.perHostDelay = delay
        fetch.backoff = 0.01
        fetch.maxBackoff = 0.05
        fetch.connectTimeout = 2
        fetch.totalTimeout = 5
        fetch.obeyRobots = robots
        return PipelineDefinition(
            name: "fetch-test", contact: "ops@example.org", sources: sources, fetch: fetch,
            file: URL(fileURLWithPath: "/dev/null"), digest: String(repeating: "0", count: 64))
    }

    /// A fresh folder, removed by the caller's `defer`.
    static func folder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "provstat-fetchstage-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
