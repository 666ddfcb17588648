import Foundation
import ProvstatCore
import Testing

@testable import ProvstatSnapshot

@Suite("Snapshot JSON Schema")
struct SnapshotSchemaTests {
    static let schemaFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/ProvstatSnapshot/Schema/snapshot.schema.json").standardizedFileURL

    /// A snapshot with every optional member filled in, so every part of the schema is exercised.
    static var fullSnapshot: Snapshot {
        var snapshot = Fixture.snapshot()
        snapshot.supersedes = String(repeating: "e", count: 64)
        snapshot.sources.append(
            SourceRecord(
                id: "fdi", url: "https://example.vn/fdi", finalURL: "https://example.vn/fdi/", outcome: .failed,
                reason: "HTTP 503", httpStatus: 503))
        snapshot.sources.append(
            SourceRecord(
                id: "listed", url: "https://example.vn/bai/thang-3", outcome: .fetched,
                listingURL: "https://example.vn/tin-tuc", linkTitle: "Báo cáo tình hình tháng 3 năm 2023"))
        snapshot.facts["report"]!.append(
            Fact(
                value: Decimal(string: "0.32")!, unit: "%", kind: .planAttainment, estimate: false, raw: "0,32%",
                subject: "thu ngân sách", sentence: "…", start: 0, end: 5,
                period: Period(span: .yearToDate, year: 2023, number: 10),
                componentOf: 0, equivalentOf: 0, table: Fact.TableCell(table: 0, row: 1, column: 2, header: "Tháng 10"),
                decimals: 2))
        snapshot.indicators["exports"]!.alternatives = [
            IndicatorValue.Alternative(value: 924_000_000, provenance: Fixture.provenance(raw: "924 triệu USD"))
        ]
        snapshot.checks = [
            CheckResult(
                id: "plan:exports", indicators: ["exports"], severity: .warning, status: .fail, observed: 925_000_000,
                expected: 1_000_000_000, tolerance: Decimal(string: "0.5")!, message: "below plan",
                provenance: [Fixture.provenance()])
        ]
        snapshot.completeness.requiredMissing = ["fdi"]
        snapshot.status = .partial
        return snapshot
    }

    @Test("What provstat writes satisfies the committed schema")
    func writtenSnapshotsMatch() throws {
        let validator = try SchemaSubsetValidator(file: Self.schemaFile)
        for snapshot in [Fixture.snapshot(), Self.fullSnapshot] {
            let tree = try JSONValueEncoder().encode(snapshot)
            #expect(validator.violations(of: tree) == [])
        }
    }

    @Test("The schema's version is the one this build writes, and it rejects unknown members")
    func schemaVersion() throws {
        let validator = try SchemaSubsetValidator(file: Self.schemaFile)
        guard case .object(var members) = try JSONValueEncoder().encode(Fixture.snapshot()) else {
            Issue.record("a snapshot encodes as an object")
            return
        }
        members["surprise"] = .bool(true)
        members["schema"] = .number("2")
        let problems = validator.violations(of: .object(members))
        #expect(problems.contains("$: surprise is not in the schema"))
        #expect(problems.contains("$.schema: expected \(Snapshot.currentSchema)"))
    }
}
