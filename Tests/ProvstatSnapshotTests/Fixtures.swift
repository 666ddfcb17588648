import Foundation
import ProvstatCore
import ProvstatSnapshot

/// Runs `body` with a fresh temporary folder that is removed afterwards.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("provstat-snapshot-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
}

/// Small, fully populated snapshots for tests.
enum Fixture {
    static let month = Month(year: 2023, month: 10)!
    static let pageDigest = String(repeating: "ab", count: 32)

    static func provenance(sha256: String = pageDigest, raw: String = "925 triệu USD") -> Provenance {
        Provenance(
            url: "https://example.vn/bao-cao-thang-10", fetchedAt: "2023-10-30T01:00:00Z", sha256: sha256,
            sentence: "Kim ngạch xuất khẩu ước đạt \(raw).", raw: raw)
    }

    static func indicator(_ id: String, _ value: String, unit: String = "USD", sha256: String = pageDigest)
        -> IndicatorValue
    {
        IndicatorValue(
            id: id, value: Decimal(string: value)!, unit: unit, kind: .level, estimate: true,
            period: Period(span: .month, year: 2023, number: 10), decimals: 0,
            provenance: provenance(sha256: sha256, raw: "\(value) \(unit)"))
    }

    static func snapshot(
        pipeline: String = "demo", month: Month = month,
        indicators: [IndicatorValue] = [indicator("exports", "925000000")],
        status: Snapshot.Status = .complete, runID: String = "run-1", pageDigest: String = pageDigest,
        provstatVersion: String = "0.1.0", definitionDigest: String = String(repeating: "0", count: 64),
        checks: [CheckResult] = []
    ) -> Snapshot {
        let source = SourceRecord(
            id: "report", url: "https://example.vn/bao-cao-thang-10", outcome: .fetched, httpStatus: 200,
            sha256: pageDigest, bytes: 1234, fetchedAt: "2023-10-30T01:00:00Z", factCount: 1)
        let fact = Fact(
            value: 925_000_000, unit: "USD", kind: .level, estimate: true, raw: "925 triệu USD",
            subject: "kim ngạch xuất khẩu", sentence: "Kim ngạch xuất khẩu ước đạt 925 triệu USD.", start: 28, end: 41)
        return Snapshot(
            provstatVersion: provstatVersion, pipeline: pipeline, month: month, runID: runID,
            startedAt: "2023-10-30T01:00:00Z", finishedAt: "2023-10-30T01:00:05Z", definitionDigest: definitionDigest,
            sources: [source], facts: ["report": [fact]],
            indicators: Dictionary(uniqueKeysWithValues: indicators.map { ($0.id, $0) }), checks: checks,
            completeness: .init(
                sourcesExpected: 1, sourcesSucceeded: 1, indicatorsDefined: 2, indicatorsFound: indicators.count,
                requiredMissing: []),
            status: status)
    }

    /// The same content as `snapshot`, as a later run would produce it: new id and timestamps.
    static func rerun(of snapshot: Snapshot, runID: String = "run-2") -> Snapshot {
        var copy = snapshot
        copy.runID = runID
        copy.startedAt = "2023-11-02T03:00:00Z"
        copy.finishedAt = "2023-11-02T03:00:09Z"
        copy.sources = copy.sources.map { source in
            var source = source
            source.fetchedAt = "2023-11-02T03:00:01Z"
            source.outcome = .notModified
            source.httpStatus = 304
            return source
        }
        copy.indicators = copy.indicators.mapValues { value in
            var value = value
            value.provenance.fetchedAt = "2023-11-02T03:00:01Z"
            return value
        }
        return copy
    }
}
