import Foundation
import ProvstatCore
import ProvstatPipeline
import ProvstatSnapshot
import Synchronization
import Testing

@Suite("The demo pipeline, end to end")
struct DemoRunTests {
    /// The bundled demo definition.
    static func demo() throws -> PipelineDefinition {
        try DefinitionLoader().load(file: repositoryRoot.appendingPathComponent("Pipelines/demo.yaml"))
    }

    @Test func octoberIsCompleteAndItsFiguresAddUp() throws {
        let output = try TemporaryDirectory()
        defer { output.remove() }
        let definition = try Self.demo()
        let run = MonthRun(definition: definition, month: Month("2023-10")!, outputRoot: output.url)
        let outcome = run.run()
        let result = try #require(outcome.result, "\(outcome.errors)")
        #expect(outcome.ending == .complete)
        #expect(result.snapshot.status == .complete)
        #expect(result.publication?.isLatest == true)

        let path = try #require(result.publication?.url)
        #expect(path.path.hasSuffix("demo/2023-10/v1.json"))
        let snapshot = try SnapshotCoding.decodeSnapshot(Data(contentsOf: path), path: path.path)
        #expect(snapshot.sources.map(\.outcome) == [.fetched, .fetched])
        #expect(snapshot.sources.allSatisfy { $0.sha256?.count == 64 })
        let budget = try #require(snapshot.indicators["budget_revenue_ytd"])
        #expect(budget.value == 4_812_700_000_000)
        #expect(budget.unit == "VND")
        #expect(budget.provenance.url.hasSuffix("ktxh-thang-10-2023.html"))
        #expect(budget.provenance.sentence.contains("4.812,7 tỷ đồng"))
        #expect(snapshot.status == .complete)
        #expect(!snapshot.checks.isEmpty)
        #expect(!snapshot.checks.contains { $0.status == .fail })
        // The library run ends its session: the ledger holds a start and an end line, exit 0.
        let ledger = RunLedger(root: output.url, pipeline: "demo").entries()
        #expect(ledger.map(\.event) == [.start, .end])
        #expect(ledger.last?.exitCode == 0)
        #expect(ledger.last?.written == ["v1.json"])
    }

    @Test func aMonthWithNothingToReadIsRecordedButNotPublished() throws {
        let output = try TemporaryDirectory()
        defer { output.remove() }
        let definition = try Self.demo()
        let run = MonthRun(definition: definition, month: Month("2023-12")!, outputRoot: output.url)
        let outcome = run.run()
        #expect(outcome.ending == .unavailable)
        let result = try #require(outcome.result)
        let outcomes = Dictionary(uniqueKeysWithValues: result.snapshot.sources.map { ($0.id, $0.outcome) })
        #expect(outcomes["monthly-report"] == .notPublished)
        #expect(outcomes["main-indicators"] == .failed)
        #expect(result.nothingRead == .unavailable)
        #expect(result.publication == nil)
        let ledger = RunLedger(root: output.url, pipeline: "demo").entries()
        #expect(ledger.map(\.event) == [.start, .end])
        #expect(ledger.last?.exitCode == 69)
    }

    @Test func progressIsReportedAsEachSourceIsRead() throws {
        let output = try TemporaryDirectory()
        defer { output.remove() }
        let definition = try Self.demo()
        var run = MonthRun(definition: definition, month: Month("2023-10")!, outputRoot: output.url)
        let seen = Mutex<[String]>([])
        run.progress = { done, total, source in seen.withLock { $0.append("\(done)/\(total) \(source)") } }
        #expect(run.run().ending == .complete)
        let lines = seen.withLock { $0 }
        #expect(lines.map { $0.prefix(3) } == ["1/2", "2/2"])
        #expect(Set(lines.map { String($0.dropFirst(4)) }) == ["monthly-report", "main-indicators"])
    }
}
