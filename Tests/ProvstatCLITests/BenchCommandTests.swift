import Foundation
import TestSupport
import Testing

/// `provstat bench …` hands over to the separate `provstat-bench` binary built beside it.
@Suite("provstat bench runs provstat-bench")
struct BenchCommandTests {
    /// Runs the built `provstat` with the arguments `arguments` makes of a fresh, empty folder.
    private func bench(_ arguments: (URL) -> [String]) throws -> ChildProvstat.Outcome {
        let provstat = try #require(ChildProvstat.locate(), "build the provstat product first (swift build)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provstat-bench-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try provstat.run(["bench"] + arguments(folder), in: folder)
    }

    @Test("bench fetch runs the benchmark with the arguments given")
    func fetch() throws {
        let outcome = try bench { _ in
            ["fetch", "--pages", "6", "--hosts", "2", "--latency", "0.01", "--engine", "easy"]
        }
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("provstat-bench fetch: 6 pages, 2 hosts, 10 ms latency, per-host 2, global 4"))
        let easy = try #require(outcome.stdout.split(separator: "\n").first { $0.hasPrefix("easy ") })
        #expect(easy.hasSuffix("  0"), "no page failed: \(easy)")
    }

    @Test("the benchmark's exit status comes back through provstat")
    func exitStatus() throws {
        var folder = ""
        let outcome = try bench { url in
            folder = url.path
            return ["extract", "--megabytes", "1", url.path]
        }
        // An empty folder is a usage error of provstat-bench (ArgumentParser's EX_USAGE).
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("no .html pages in \(folder)"))
    }
}
