import Foundation
import ProvstatCore
import TestSupport
import Testing

@testable import ProvstatSnapshot

/// `diff`, `show`, `snapshots` and `export` on stored snapshots, including bad input.
@Suite("Snapshot commands, as a child process")
struct SnapshotCommandTests {
    let provstat: ChildProvstat

    init() throws {
        provstat = try #require(ChildProvstat.locate(), "build the provstat product first (swift build)")
    }

    /// An output root with demo/2023-10 v1 (925 million), v2 (930 million, new page), v3 rejected.
    private func populate(_ directory: URL) throws -> SnapshotStore {
        let store = SnapshotStore(root: directory.appendingPathComponent("out"))
        let page = String(repeating: "cd", count: 32)
        _ = try store.publish(Fixture.snapshot())
        _ = try store.publish(
            Fixture.snapshot(indicators: [Fixture.indicator("exports", "930000000", sha256: page)], pageDigest: page))
        _ = try store.publish(Fixture.snapshot(indicators: [], status: .rejected))
        return store
    }

    @Test("diff exits 0 for equal, 1 for different, and explains the change")
    func diffStatuses() throws {
        try withTemporaryDirectory { directory in
            _ = try populate(directory)
            let equal = try provstat.run(
                ["diff", "--output", "out", "demo/2023-10@v2", "demo/2023-10@latest"], in: directory)
            #expect(equal.status == 0)
            let different = try provstat.run(
                ["diff", "--output", "out", "demo/2023-10@v1", "demo/2023-10"], in: directory)
            #expect(different.status == 1)
            #expect(different.stdout.contains("~ exports: 925000000 USD → 930000000 USD (+5000000, +0.54%)"))
            #expect(different.stdout.contains("source page changed"))
            let tolerated = try provstat.run(
                ["diff", "--output", "out", "--rel", "0.01", "demo/2023-10@v1", "demo/2023-10@v2"], in: directory)
            #expect(tolerated.status == 0)
            let json = try provstat.run(
                ["diff", "--json", "--output", "out", "demo/2023-10@v1", "out/demo/2023-10/v3.json"], in: directory)
            #expect(json.status == 1)
            #expect(json.stdout.contains("\"new_status\": \"rejected\""))
            let markdown = try provstat.run(
                ["diff", "--markdown", "--output", "out", "demo/2023-10@v1", "demo/2023-10@v2"], in: directory)
            #expect(markdown.stdout.contains("| `exports` | changed |"))
        }
    }

    @Test("diff exits 2 naming the problem for unknown, truncated and newer-schema snapshots, changing nothing")
    func diffTrouble() throws {
        try withTemporaryDirectory { directory in
            let store = try populate(directory)
            let truncated = directory.appendingPathComponent("truncated.json")
            let v1 = store.versionFile(pipeline: "demo", month: Fixture.month, version: 1)
            try Data(try Data(contentsOf: v1).prefix(200)).write(to: truncated)
            var future = Fixture.snapshot()
            future.schema = Snapshot.currentSchema + 1
            let newer = directory.appendingPathComponent("newer.json")
            try SnapshotCoding.encode(future).write(to: newer)
            let before = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            let cases: [(String, String)] = [
                ("demo/2023-10@v9", "no version 9"), ("nope/2023-10", "no snapshot of nope"),
                (truncated.path, "truncated.json: not a readable snapshot"),
                (newer.path, "newer.json: snapshot schema \(Snapshot.currentSchema + 1) is newer"),
                ("demo/2023-10@first", "neither @latest nor @vN"),
            ]
            for (reference, message) in cases {
                let outcome = try provstat.run(
                    ["diff", "--output", "out", "demo/2023-10@v1", reference], in: directory)
                #expect(outcome.status == 2, "\(reference)")
                #expect(outcome.stderr.contains(message), "\(reference): \(outcome.stderr)")
            }
            let badTolerance = try provstat.run(
                ["diff", "--output", "out", "--abs", "lots", "demo/2023-10@v1", "demo/2023-10@v2"], in: directory)
            #expect(badTolerance.status == 2)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == before)
            #expect(try Data(contentsOf: truncated).count == 200)
        }
    }

    @Test("diff of two output roots covers every pipeline and month in either")
    func diffRoots() throws {
        try withTemporaryDirectory { directory in
            _ = try populate(directory)
            let release = SnapshotStore(root: directory.appendingPathComponent("release"))
            _ = try release.publish(Fixture.snapshot())
            _ = try release.publish(Fixture.snapshot(month: Fixture.month.next))
            let outcome = try provstat.run(["diff", "release", "out"], in: directory)
            #expect(outcome.status == 1)
            #expect(outcome.stdout.contains("demo/2023-10@v1 → demo/2023-10@v2"))
            #expect(outcome.stdout.contains("demo/2023-11@v1 → (none)"))
            #expect(outcome.stdout.contains("- exports (was 925000000 USD)"))
            let same = try provstat.run(["diff", "release", "release"], in: directory)
            #expect(same.status == 0)
        }
    }

    @Test("snapshots lists an unreadable version with its problem and exits 65")
    func listingWithUnreadableVersion() throws {
        try withTemporaryDirectory { directory in
            let store = try populate(directory)
            try Data("{\"schema\"".utf8).write(
                to: store.versionFile(pipeline: "demo", month: Fixture.month, version: 4))
            let listing = try provstat.run(["snapshots", "--output", "out"], in: directory)
            #expect(listing.status == 65)
            #expect(listing.stdout.contains("unreadable"))
            #expect(listing.stderr.contains("v4.json: not a readable snapshot"))
        }
    }

    @Test("show exits 66 for an unknown reference, 65 for a truncated file, 78 for a newer schema")
    func showTrouble() throws {
        try withTemporaryDirectory { directory in
            _ = try populate(directory)
            let truncated = directory.appendingPathComponent("truncated.json")
            try Data("{\"schema\": 1, \"pipe".utf8).write(to: truncated)
            var future = Fixture.snapshot()
            future.schema = Snapshot.currentSchema + 1
            let newer = directory.appendingPathComponent("newer.json")
            try SnapshotCoding.encode(future).write(to: newer)
            #expect(try provstat.run(["show", "--output", "out", "demo/2024-01"], in: directory).status == 66)
            #expect(try provstat.run(["show", truncated.path], in: directory).status == 65)
            #expect(try provstat.run(["show", newer.path], in: directory).status == 78)
            let shown = try provstat.run(["show", "--output", "out", "demo/2023-10"], in: directory)
            #expect(shown.status == 0)
            #expect(shown.stdout.contains("demo/2023-10@v2"))
            #expect(shown.stdout.contains("exports = 930000000 USD"))
        }
    }

    @Test("snapshots lists versions with status and latest; export writes the long CSV of latest versions")
    func listingAndExport() throws {
        try withTemporaryDirectory { directory in
            _ = try populate(directory)
            _ = try SnapshotStore(root: directory.appendingPathComponent("out")).publish(
                Fixture.snapshot(pipeline: "other"))
            let listing = try provstat.run(["snapshots", "--output", "out", "--pipeline", "demo"], in: directory)
            #expect(listing.status == 0)
            let lines = listing.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
            #expect(lines.contains { $0.hasPrefix("demo 2023-10 v2 complete * ") })
            #expect(lines.contains { $0.hasPrefix("demo 2023-10 v3 rejected ") })
            #expect(!lines.contains { $0.hasPrefix("other") })
            let export = try provstat.run(
                ["export", "--format", "csv", "--output", "out", "--to", "table.csv"], in: directory)
            #expect(export.status == 0, "\(export.stderr)")
            let table = try String(contentsOf: directory.appendingPathComponent("table.csv"), encoding: .utf8)
            #expect(
                table == CSVExport.columns.joined(separator: ",") + "\r\n"
                    + "demo,2023-10,v2,exports,930000000,USD,level,true,complete,https://example.vn/bao-cao-thang-10\r\n"
                    + "other,2023-10,v1,exports,925000000,USD,level,true,complete,https://example.vn/bao-cao-thang-10\r\n"
            )
        }
    }
}
