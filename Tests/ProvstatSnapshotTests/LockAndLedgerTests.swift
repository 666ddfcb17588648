import Foundation
import ProvstatCore
import Testing

@testable import ProvstatSnapshot

@Suite("Pipeline lock and run ledger")
struct LockAndLedgerTests {
    @Test("A second session on the same pipeline is refused, naming the holder; the lock frees on release")
    func secondSessionRefused() throws {
        try withTemporaryDirectory { root in
            var first: SnapshotSession? = try SnapshotSession(root: root, pipeline: "demo", month: Fixture.month)
            let holderRunID = first?.runID
            #expect {
                try SnapshotSession(root: root, pipeline: "demo", month: Fixture.month)
            } throws: { error in
                guard case LockError.held(let pipeline, let recorded, _) = error else { return false }
                return pipeline == "demo" && recorded?.runID == holderRunID && recorded?.pid == getpid()
                    && "\(error)".contains("pid \(getpid())")
            }
            // Another pipeline is not blocked.
            _ = try SnapshotSession(root: root, pipeline: "other", month: Fixture.month)
            first = nil
            _ = try SnapshotSession(root: root, pipeline: "demo", month: Fixture.month)
        }
    }

    @Test("An output folder that cannot be created is reported before anything else")
    func notWritable() throws {
        try withTemporaryDirectory { root in
            let file = root.appendingPathComponent("plain-file")
            try Data().write(to: file)
            #expect {
                try SnapshotSession(root: file.appendingPathComponent("out"), pipeline: "demo", month: Fixture.month)
            } throws: { error in
                guard case SnapshotError.notWritable(let path, _) = error else { return false }
                return path.hasPrefix(file.path)
            }
        }
    }

    @Test("Each run appends a start and an end line with exit code and versions written")
    func ledgerLines() throws {
        try withTemporaryDirectory { root in
            let session = try SnapshotSession(root: root, pipeline: "demo", month: Fixture.month)
            var snapshot = Fixture.snapshot()
            snapshot.runID = session.runID
            let publication = try session.publish(snapshot)
            try session.finish(exitCode: 0, publication: publication)
            let entries = RunLedger(root: root, pipeline: "demo").entries()
            try #require(entries.count == 2)
            #expect(entries[0].event == .start)
            #expect(entries[1].event == .end)
            #expect(entries.allSatisfy { $0.runID == session.runID && $0.month == "2023-10" })
            #expect(entries[1].exitCode == 0)
            #expect(entries[1].status == .complete)
            #expect(entries[1].written == ["v1.json"])
        }
    }

    @Test("A line torn by a killed writer does not swallow the next one")
    func tornLine() throws {
        try withTemporaryDirectory { root in
            let ledger = RunLedger(root: root, pipeline: "demo")
            try FileManager.default.createDirectory(
                at: ledger.file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(#"{"event":"start","run_id":"x"#.utf8).write(to: ledger.file)
            let entry = LedgerEntry(
                event: .end, runID: "y", pipeline: "demo", month: "2023-10", pid: 1, host: "h",
                provstatVersion: "0.1.0", startedAt: "t", exitCode: 75, errors: ["lock held"])
            try ledger.append(entry)
            #expect(ledger.entries() == [entry])
            let lines = String(decoding: try Data(contentsOf: ledger.file), as: UTF8.self).split(separator: "\n")
            #expect(lines.count == 2)
        }
    }
}
