import Foundation
import ProvstatCore
import Testing

@testable import ProvstatSnapshot

@Suite("Snapshot diff")
struct SnapshotDiffTests {
    private func stored(_ snapshot: Snapshot, version: Int) throws -> StoredSnapshot {
        StoredSnapshot(
            snapshot: snapshot, url: URL(fileURLWithPath: "/x/v\(version).json"), version: version,
            fileDigest: SHA256Hex.digest(try SnapshotCoding.encode(snapshot)))
    }

    private let newPage = String(repeating: "cd", count: 32)

    @Test("Added, removed and changed indicators, with change and relative change")
    func indicatorChanges() throws {
        let old = Fixture.snapshot(indicators: [
            Fixture.indicator("exports", "925000000"), Fixture.indicator("fdi", "50000000"),
        ])
        let new = Fixture.snapshot(
            indicators: [
                Fixture.indicator("exports", "930000000", sha256: newPage),
                Fixture.indicator("imports", "120000000", sha256: newPage),
            ], pageDigest: newPage)
        let diff = MonthDiff(old: try stored(old, version: 1), new: try stored(new, version: 2))
        #expect(diff.isDifferent)
        #expect(diff.indicators.map(\.id) == ["exports", "fdi", "imports"])
        #expect(diff.indicators.map(\.kind) == [.changed, .removed, .added])
        let exports = diff.indicators[0]
        #expect(exports.old == 925_000_000)
        #expect(exports.new == 930_000_000)
        #expect(exports.change == 5_000_000)
        #expect(exports.relativeChange == Decimal(string: "0.0054054054"))
        #expect(exports.cause.kind == .source)
        #expect(diff.indicators[2].cause.kind == .source)
        #expect(diff.sources.map(\.id) == ["report"])
    }

    @Test("Same raw page read by another provstat or definition is a reading change")
    func readingChange() throws {
        let old = Fixture.snapshot()
        let new = Fixture.snapshot(
            indicators: [Fixture.indicator("exports", "92500000")], provstatVersion: "0.2.0",
            definitionDigest: String(repeating: "1", count: 64))
        let diff = MonthDiff(old: try stored(old, version: 1), new: try stored(new, version: 2))
        let change = try #require(diff.indicators.first)
        #expect(change.cause.kind == .reading)
        #expect(change.cause.detail.contains("provstat 0.1.0 → 0.2.0"))
        #expect(change.cause.detail.contains("pipeline definition 00000000 → 11111111"))
        #expect(diff.sources.isEmpty)
    }

    @Test(
        "Tolerances hide small changes, absolute or relative",
        arguments: [
            (DiffTolerance(), true), (DiffTolerance(absolute: 5_000_000), false),
            (DiffTolerance(absolute: 4_999_999), true),
            (DiffTolerance(relative: Decimal(string: "0.006")!), false),
            (DiffTolerance(relative: Decimal(string: "0.005")!), true),
        ])
    func tolerances(tolerance: DiffTolerance, different: Bool) throws {
        let old = Fixture.snapshot()
        let new = Fixture.snapshot(indicators: [Fixture.indicator("exports", "930000000")])
        let diff = MonthDiff(old: try stored(old, version: 1), new: try stored(new, version: 2), tolerance: tolerance)
        #expect(diff.isDifferent == different)
    }

    @Test("Status and check changes count; timestamps alone do not")
    func statusAndChecks() throws {
        let check = CheckResult(
            id: "breakdown:exports", indicators: ["exports"], severity: .error, status: .pass, message: "ok")
        var failing = check
        failing.status = .fail
        failing.message = "components exceed the total"
        let old = Fixture.snapshot(checks: [check])
        let new = Fixture.snapshot(status: .rejected, checks: [failing])
        let diff = MonthDiff(old: try stored(old, version: 1), new: try stored(new, version: 2))
        #expect(diff.oldStatus == .complete)
        #expect(diff.newStatus == .rejected)
        #expect(
            diff.checks == [
                CheckChange(id: "breakdown:exports", severity: .error, old: .pass, new: .fail, message: failing.message)
            ])
        let same = MonthDiff(old: try stored(old, version: 1), new: try stored(Fixture.rerun(of: old), version: 2))
        #expect(!same.isDifferent)
        #expect(same.sources.isEmpty)
    }

    @Test("Two output roots: every pipeline and month in either, at latest")
    func roots() throws {
        try withTemporaryDirectory { directory in
            let before = SnapshotStore(root: directory.appendingPathComponent("before"))
            let after = SnapshotStore(root: directory.appendingPathComponent("after"))
            _ = try before.publish(Fixture.snapshot())
            _ = try before.publish(Fixture.snapshot(month: Fixture.month.previous))
            _ = try after.publish(Fixture.snapshot())
            _ = try after.publish(Fixture.snapshot(indicators: [Fixture.indicator("exports", "1")]))
            _ = try after.publish(Fixture.snapshot(pipeline: "other"))
            let diff = try SnapshotDiff(old: .root(before.root), new: .root(after.root), store: before)
            #expect(
                diff.months.map { "\($0.pipeline)/\($0.month)" } == ["demo/2023-09", "demo/2023-10", "other/2023-10"])
            #expect(diff.months.map(\.isDifferent) == [true, true, true])
            #expect(diff.months[0].new == nil)
            #expect(diff.months[1].old == "demo/2023-10@v1")
            #expect(diff.months[1].new == "demo/2023-10@v2")
            #expect(diff.months[2].indicators.map(\.kind) == [.added])
        }
    }

    @Test("A root cannot be compared with one snapshot")
    func rootAgainstSnapshot() throws {
        try withTemporaryDirectory { directory in
            let store = SnapshotStore(root: directory)
            _ = try store.publish(Fixture.snapshot())
            #expect(throws: SnapshotError.self) {
                try SnapshotDiff(
                    old: .root(directory), new: .stored(pipeline: "demo", month: Fixture.month, selector: .latest),
                    store: store)
            }
        }
    }

    @Test("Text, Markdown and JSON renderings carry the values and the reason")
    func renderings() throws {
        let old = Fixture.snapshot()
        let new = Fixture.snapshot(
            indicators: [Fixture.indicator("exports", "930000000", sha256: newPage)], pageDigest: newPage)
        let diff = SnapshotDiff(
            old: "a", new: "b", months: [MonthDiff(old: try stored(old, version: 1), new: try stored(new, version: 2))])
        #expect(diff.text.contains("~ exports: 925000000 USD → 930000000 USD (+5000000, +0.54%)"))
        #expect(
            diff.text.contains(
                "why: source page changed: https://example.vn/bao-cao-thang-10 (raw abababab → cdcdcdcd)"))
        #expect(diff.markdown.contains("| `exports` | changed | 925000000 USD | 930000000 USD | +5000000 | +0.54% |"))
        let json = String(decoding: try SnapshotCoding.encode(diff), as: UTF8.self)
        #expect(json.contains("\"relative_change\": 0.0054054054"))
        #expect(json.contains("\"different\": true"))
    }
}

@Suite("Export and show")
struct ExportAndShowTests {
    @Test("CSV follows RFC 4180: CRLF, quotes doubled, fields with commas quoted")
    func csv() throws {
        var value = Fixture.indicator("exports", "0.32", unit: "%")
        value.provenance.url = "https://example.vn/a?x=1,2&q=\"b\""
        let stored = StoredSnapshot(
            snapshot: Fixture.snapshot(indicators: [value]), url: URL(fileURLWithPath: "/x/v3.json"), version: 3,
            fileDigest: "")
        let text = CSVExport.csv([stored])
        #expect(
            text == "pipeline,month,version,indicator,value,unit,kind,estimate,status,source_url\r\n"
                + "demo,2023-10,v3,exports,0.32,%,level,true,complete,\"https://example.vn/a?x=1,2&q=\"\"b\"\"\"\r\n")
    }

    @Test("The readable form names values, their sentence and page, and failed checks")
    func text() {
        let check = CheckResult(
            id: "plan:exports", indicators: ["exports"], severity: .warning, status: .fail, message: "below plan")
        let text = Fixture.snapshot(checks: [check]).text
        #expect(text.contains("exports = 925000000 USD [level] (estimate)"))
        #expect(text.contains("from https://example.vn/bao-cao-thang-10"))
        #expect(text.contains("FAIL [warning] plan:exports: below plan"))
    }

    @Test("The catalog lists every version with its status, and an unreadable file with its problem")
    func catalog() throws {
        try withTemporaryDirectory { root in
            let store = SnapshotStore(root: root)
            _ = try store.publish(Fixture.snapshot())
            _ = try store.publish(Fixture.snapshot(indicators: [], status: .rejected))
            let broken = store.versionFile(pipeline: "demo", month: Fixture.month, version: 3)
            try Data("{".utf8).write(to: broken)
            let entries = store.catalog()
            #expect(entries.map(\.version) == [1, 2, 3])
            #expect(entries.map(\.status) == [.complete, .rejected, nil])
            #expect(entries.map(\.isLatest) == [true, false, false])
            #expect(entries[2].problem?.contains(broken.path) == true)
        }
    }
}
