import Foundation
import TestSupport
import Testing

/// `provstat doctor` and `provstat pipelines check`, as an operator runs them.
@Suite("doctor and pipelines check, as a child process")
struct OperationsCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func doctorReportsLibrariesFoldersAndPipelines() throws {
        let provstat = try #require(ChildProvstat.locate(), "build the provstat product first (swift build)")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "provstat-doctor-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let outcome = try provstat.run(["doctor", "--output", output.path], in: Self.repository)
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stdout.contains("ok   libcurl "))
        #expect(outcome.stdout.contains("ok   TLS: "))
        #expect(outcome.stdout.contains("ok   libxml2 2."))
        #expect(outcome.stdout.contains("ok   output folder \(output.path): writable"))
        #expect(outcome.stdout.contains("ok   pipeline demo:"))
        #expect(outcome.stdout.hasSuffix("all good\n"))
    }

    @Test func doctorNamesWhatIsWrong() throws {
        let provstat = try #require(ChildProvstat.locate(), "build the provstat product first (swift build)")
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("provstat-doctor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: work.appendingPathComponent("Pipelines"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        try "pipeline: bad\nsources: []\n".write(
            to: work.appendingPathComponent("Pipelines/bad.yaml"), atomically: true, encoding: .utf8)
        // A file where the output folder should be cannot be written.
        try "".write(to: work.appendingPathComponent("blocked"), atomically: true, encoding: .utf8)
        let outcome = try provstat.run(["doctor", "--output", "blocked/out"], in: work)
        #expect(outcome.status == 78)
        #expect(outcome.stdout.contains("FAIL output folder"))
        #expect(outcome.stdout.contains("Pipelines/bad.yaml:2: sources: a pipeline needs at least one source"))
        #expect(outcome.stdout.contains("problems found"))
    }

    @Test func everyBundledPipelineIsValid() throws {
        let provstat = try #require(ChildProvstat.locate(), "build the provstat product first (swift build)")
        let outcome = try provstat.run(["pipelines", "check"], in: Self.repository)
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stdout.contains("pipeline demo"))
        #expect(outcome.stdout.contains("pipeline soc-trang"))
    }
}
