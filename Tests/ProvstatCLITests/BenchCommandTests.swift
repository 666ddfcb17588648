import Foundation
import TestSupport
import Testing

/// `provstat bench …` hands over to the separate `provstat-bench` binary built beside it.
@Suite("provstat bench runs provstat-bench")
struct BenchCommandTests {
    let provstat: ChildProvstat
    let work: URL

    init() throws {
        provstat = try #require(ChildProvstat.locate(), "build the provstat product first (swift build)")
        work = FileManager.default.temporaryDirectory.appendingPathComponent("provstat-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    @Test("bench fetch runs the benchmark with the arguments given")
    func fetch() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let outcome = try provstat.run(
            ["bench", "fetch", "--pages", "6", "--hosts", "2", "--latency", "0.01", "--engine", "easy"], in: work)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("provstat-bench fetch: 6 pages, 2 hosts, 10 ms latency, per-host 2, global 4"))
        let easy = try #require(outcome.stdout.split(separator: "\n").first { $0.hasPrefix("easy ") })
        #expect(easy.hasSuffix("  0"), "no page failed: \(easy)")
    }

    @Test("the benchmark's exit status comes back through provstat")
    func exitStatus() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let outcome = try provstat.run(["bench", "extract", "--megabytes", "1", work.path], in: work)
        // An empty folder is a usage error of provstat-bench (ArgumentParser's EX_USAGE).
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("no .html pages in \(work.path)"))
    }
}
