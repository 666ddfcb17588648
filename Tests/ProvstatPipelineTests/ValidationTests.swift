import Foundation
import ProvstatCore
import ProvstatPipeline
import ProvstatSnapshot
import Testing

@Suite("validate: a written snapshot checked again with today's definition")
struct ValidationTests {
    @Test func aChangedTargetChangesThePlanCheckWithoutFetching() throws {
        let output = try TemporaryDirectory()
        defer { output.remove() }
        let demo = repositoryRoot.appendingPathComponent("Pipelines/demo.yaml")
        let definition = try DefinitionLoader().load(file: demo)
        let run = MonthRun(definition: definition, month: Month("2023-10")!, outputRoot: output.url)
        let snapshot = try #require(run.run().result).snapshot
        #expect(snapshot.checks.first { $0.id == "plan:exports_ytd" }?.status == .pass)

        // Today's definition says the export plan was 1.600 triệu USD: 83,0% no longer fits.
        let revised = try String(contentsOf: demo, encoding: .utf8)
            .replacingOccurrences(of: "value: 1.500 triệu USD", with: "value: 1.600 triệu USD")
            .replacingOccurrences(of: "url: demo/", with: "url: \(repositoryRoot.path)/Pipelines/demo/")
        let revisedFile = output.url.appendingPathComponent("demo.yaml")
        try revised.write(to: revisedFile, atomically: true, encoding: .utf8)
        let validation = SnapshotValidation(
            snapshot: snapshot, definition: try DefinitionLoader().load(file: revisedFile), outputRoot: output.url)
        let plan = try #require(validation.checks.first { $0.id == "plan:exports_ytd" })
        #expect(plan.status == .fail)
        #expect(plan.message.contains("implies a plan of"))
        // Warnings never block: the month is still complete.
        #expect(validation.status == .complete)
        #expect(validation.indicators["exports_ytd"]?.value == 1_245_600_000)
    }
}
