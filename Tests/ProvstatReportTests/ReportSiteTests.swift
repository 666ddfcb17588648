import Foundation
import ProvstatCore
import ProvstatSnapshot
import Testing

@testable import ProvstatReport

@Suite("Report site")
struct ReportSiteTests {
    static let target: Decimal = 1_500_000_000

    /// A snapshot of the made-up pipeline `hg`: exports year-to-date with its progress check, and
    /// a breakdown check that fails (error) when `rejected`.
    static func snapshot(_ month: String, exports: Decimal, rejected: Bool = false, page: String = "a") -> Snapshot {
        let month = Month(month)!
        let digest = SHA256Hex.digest(Data("\(month)\(page)".utf8))
        let url = "file:///portal/bao-cao-\(month).html"
        let provenance = Provenance(
            url: url, fetchedAt: "2023-12-06T04:00:00Z", sha256: digest,
            sentence: "Kim ngạch xuất khẩu ước đạt \(exports) USD <tăng> so với cùng kỳ.", raw: "\(exports) USD")
        let due = Decimal(month.month) / 12 * 100
        var checks = [
            CheckResult(
                id: "progress:exports_ytd", indicators: ["exports_ytd"], severity: .info, status: .pass,
                observed: exports / target * 100, expected: due, tolerance: 10, message: "on plan"),
            CheckResult(
                id: "range:exports_ytd", indicators: ["exports_ytd"], severity: .error, status: .pass,
                message: "in range"),
        ]
        checks.append(
            CheckResult(
                id: "breakdown:exports_ytd", indicators: ["exports_ytd"], severity: .error,
                status: rejected ? .fail : .pass, message: rejected ? "the components do not sum" : "sums"))
        return Snapshot(
            provstatVersion: "0.test", pipeline: "hg", month: month, runID: "r-\(month)-\(page)",
            startedAt: "2023-12-06T04:00:00Z", finishedAt: "2023-12-06T04:00:01Z",
            definitionDigest: String(repeating: "d", count: 64),
            sources: [SourceRecord(id: "report", url: url, outcome: .fetched, sha256: digest, bytes: 10, factCount: 1)],
            facts: [:],
            indicators: [
                "exports_ytd": IndicatorValue(
                    id: "exports_ytd", value: exports, unit: "USD", kind: .level, estimate: true,
                    period: Period(span: .yearToDate, year: month.year, number: month.month), provenance: provenance),
                "cpi_mom": IndicatorValue(
                    id: "cpi_mom", value: Decimal(string: "0.32")!, unit: "%", kind: .growthMoM, estimate: false,
                    provenance: provenance),
            ],
            checks: checks,
            completeness: Snapshot.Completeness(
                sourcesExpected: 1, sourcesSucceeded: 1, indicatorsDefined: 2, indicatorsFound: 2, requiredMissing: []),
            status: rejected ? .rejected : .complete)
    }

    /// Months 2023-08 (complete), 2023-09 (rejected), 2023-11 with two versions; 2023-10 missing.
    static func store(in folder: URL) throws -> SnapshotStore {
        let store = SnapshotStore(root: folder.appendingPathComponent("out"))
        _ = try store.publish(snapshot("2023-08", exports: 1_000_000_000))
        _ = try store.publish(snapshot("2023-09", exports: 1_100_000_000, rejected: true))
        _ = try store.publish(snapshot("2023-11", exports: 1_245_600_000))
        _ = try store.publish(snapshot("2023-11", exports: 1_250_000_000, page: "b"))
        return store
    }

    func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    func read(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    @Test("The plan comes from the progress checks: the year's target and the part due by each month")
    func plan() throws {
        try withFolder { folder in
            let history = PipelineHistory.load(pipeline: "hg", from: try Self.store(in: folder))
            let plan = history.plan("exports_ytd")
            #expect(plan.map(\.month.description) == ["2023-08", "2023-09", "2023-11"])
            #expect(plan.allSatisfy { $0.target == Self.target })
            #expect(plan.first { $0.month == Month("2023-09") }?.due == 1_125_000_000)
            #expect(history.plan("cpi_mom").isEmpty)
            #expect(history.months.last?.shown.version == 2)
            #expect(history.changes.map(\.fileName) == ["2023-11-v1-v2.html"])
        }
    }

    @Test("The site: charts with one point per month with a value, the rejected month marked, checks failed first")
    func site() throws {
        try withFolder { folder in
            let store = try Self.store(in: folder)
            let result = try ReportBuilder(store: store, layout: .inOutput(store.root)).build()
            let site = store.root.appendingPathComponent("hg/report")
            #expect(result.indexes["hg"] == site.appendingPathComponent("index.html"))
            let names = result.files.map { $0.path.replacingOccurrences(of: store.root.path + "/", with: "") }.sorted()
            #expect(
                names == [
                    "hg/report/changes/2023-11-v1-v2.html", "hg/report/index.html", "hg/report/indicators/cpi_mom.html",
                    "hg/report/indicators/exports_ytd.html", "hg/report/months/2023-08.html",
                    "hg/report/months/2023-09.html", "hg/report/months/2023-11.html", "index.html",
                ])

            let index = try read(site.appendingPathComponent("index.html"))
            #expect(index.contains("<html lang=\"vi\">"))
            #expect(!index.contains("<script"))
            #expect(index.contains("data-indicator=\"exports_ytd\" data-points=\"3\""))
            #expect(index.components(separatedBy: "class=\"pt pt-rejected").count - 1 == 2)
            #expect(index.contains("<rect class=\"band band-rejected\" data-month=\"2023-09\""))
            #expect(index.contains("1.250 triệu USD"))
            #expect(index.contains("<line class=\"target\" data-year=\"2023\""))

            let rejected = try read(site.appendingPathComponent("months/2023-09.html"))
            let failed = try #require(rejected.range(of: "data-check=\"breakdown:exports_ytd\""))
            let passed = try #require(rejected.range(of: "data-check=\"range:exports_ytd\""))
            #expect(failed.lowerBound < passed.lowerBound)
            #expect(rejected.contains("&lt;tăng&gt;"))
            #expect(
                rejected.contains("<a href=\"file:///portal/bao-cao-2023-09.html\" rel=\"noreferrer\">trang nguồn</a>"))

            let change = try read(site.appendingPathComponent("changes/2023-11-v1-v2.html"))
            #expect(change.contains("source page changed: file:///portal/bao-cao-2023-11.html"))
            #expect(change.contains("+4,4 triệu USD (+0,4%)"))

            let top = try read(store.root.appendingPathComponent("index.html"))
            #expect(top.contains("<a href=\"hg/report/index.html\">hg</a>"))
        }
    }

    @Test("Same snapshots, same bytes; a rebuild writes nothing")
    func deterministic() throws {
        try withFolder { folder in
            let store = try Self.store(in: folder)
            let first = try ReportBuilder(store: store, layout: .site(folder.appendingPathComponent("a"))).build()
            let second = try ReportBuilder(store: store, layout: .site(folder.appendingPathComponent("b"))).build()
            #expect(first.files.count == second.files.count)
            for (a, b) in zip(first.files, second.files) {
                #expect(try Data(contentsOf: a) == Data(contentsOf: b))
            }
            let again = try ReportBuilder(store: store, layout: .site(folder.appendingPathComponent("a"))).build()
            #expect(first.written.count == first.files.count)
            #expect(again.written.isEmpty)
        }
    }

    @Test("An unknown pipeline is refused by name")
    func unknownPipeline() throws {
        try withFolder { folder in
            let store = try Self.store(in: folder)
            #expect(throws: SnapshotError.self) {
                try ReportBuilder(store: store, layout: .inOutput(store.root)).build(pipelines: ["nope"])
            }
        }
    }
}
