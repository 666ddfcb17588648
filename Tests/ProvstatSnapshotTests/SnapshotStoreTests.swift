import Foundation
import ProvstatCore
import Testing

@testable import ProvstatSnapshot

@Suite("Versioned snapshot store")
struct SnapshotStoreTests {
    @Test("The first run writes v1 and points latest at it")
    func firstVersion() throws {
        try withTemporaryDirectory { root in
            let store = SnapshotStore(root: root)
            let publication = try store.publish(Fixture.snapshot())
            #expect(publication.outcome == .written)
            #expect(publication.version == 1)
            #expect(publication.url.path == root.path + "/demo/2023-10/v1.json")
            #expect(try store.latestVersion(pipeline: "demo", month: Fixture.month) == 1)
            #expect(publication.snapshot.supersedes == nil)
            let attributes = try FileManager.default.attributesOfItem(atPath: publication.url.path)
            #expect((attributes[.posixPermissions] as? Int) == 0o444)
        }
    }

    @Test("A re-run with the same content writes nothing and reports unchanged")
    func unchanged() throws {
        try withTemporaryDirectory { root in
            let store = SnapshotStore(root: root)
            let first = try store.publish(Fixture.snapshot())
            let bytes = try Data(contentsOf: first.url)
            let second = try store.publish(Fixture.rerun(of: Fixture.snapshot()))
            #expect(second.outcome == .unchanged)
            #expect(second.version == 1)
            #expect(store.versions(pipeline: "demo", month: Fixture.month) == [1])
            #expect(try Data(contentsOf: first.url) == bytes)
        }
    }

    @Test("Changed content becomes v2, superseding v1 by the digest of its bytes")
    func nextVersion() throws {
        try withTemporaryDirectory { root in
            let store = SnapshotStore(root: root)
            let first = try store.publish(Fixture.snapshot())
            let changed = Fixture.snapshot(indicators: [Fixture.indicator("exports", "930000000")], runID: "run-2")
            let second = try store.publish(changed)
            #expect(second.outcome == .written)
            #expect(second.version == 2)
            #expect(second.snapshot.supersedes == SHA256Hex.digest(try Data(contentsOf: first.url)))
            #expect(try store.latestVersion(pipeline: "demo", month: Fixture.month) == 2)
            let stored = try store.resolve(.stored(pipeline: "demo", month: Fixture.month, selector: .latest))
            #expect(stored.snapshot == second.snapshot)
        }
    }

    @Test("A rejected snapshot is written but never becomes latest")
    func rejectedNeverLatest() throws {
        try withTemporaryDirectory { root in
            let store = SnapshotStore(root: root)
            _ = try store.publish(Fixture.snapshot())
            let rejected = try store.publish(
                Fixture.snapshot(indicators: [Fixture.indicator("exports", "1")], status: .rejected, runID: "r"))
            #expect(rejected.outcome == .written)
            #expect(rejected.version == 2)
            #expect(!rejected.isLatest)
            #expect(try store.latestVersion(pipeline: "demo", month: Fixture.month) == 1)
            // The same good content again is unchanged: it equals what latest names.
            let again = try store.publish(Fixture.rerun(of: Fixture.snapshot()))
            #expect(again.outcome == .unchanged)
            #expect(again.version == 1)
        }
    }

    @Test("A partial snapshot never pushes a complete one out of latest, but replaces a partial one")
    func partialKeepsCompleteLatest() throws {
        try withTemporaryDirectory { root in
            let store = SnapshotStore(root: root)
            _ = try store.publish(Fixture.snapshot())
            let partial = try store.publish(
                Fixture.snapshot(indicators: [Fixture.indicator("exports", "1")], status: .partial, runID: "p"))
            #expect(partial.outcome == .written)
            #expect(!partial.isLatest)
            #expect(try store.latestVersion(pipeline: "demo", month: Fixture.month) == 1)
            // Re-running the same partial content does not move the pointer either.
            let again = try store.publish(
                Fixture.snapshot(indicators: [Fixture.indicator("exports", "1")], status: .partial, runID: "q"))
            #expect(again.outcome == .unchanged)
            #expect(!again.isLatest)
            #expect(try store.latestVersion(pipeline: "demo", month: Fixture.month) == 1)
        }
        try withTemporaryDirectory { root in
            let store = SnapshotStore(root: root)
            _ = try store.publish(Fixture.snapshot(status: .partial))
            let better = try store.publish(
                Fixture.snapshot(indicators: [Fixture.indicator("exports", "2")], status: .partial, runID: "b"))
            #expect(better.isLatest)
            #expect(try store.latestVersion(pipeline: "demo", month: Fixture.month) == 2)
        }
    }

    @Test("An interrupted publication (version written, pointer not moved) is repaired by the next run")
    func pointerRepair() throws {
        try withTemporaryDirectory { root in
            let store = SnapshotStore(root: root)
            _ = try store.publish(Fixture.snapshot())
            let changed = Fixture.snapshot(indicators: [Fixture.indicator("exports", "930000000")])
            _ = try store.publish(changed)
            let pointer = store.monthDirectory(pipeline: "demo", month: Fixture.month).appendingPathComponent("latest")
            try Data("v1.json\n".utf8).write(to: pointer)
            let again = try store.publish(Fixture.rerun(of: changed))
            #expect(again.outcome == .unchanged)
            #expect(again.version == 2)
            #expect(try store.latestVersion(pipeline: "demo", month: Fixture.month) == 2)
        }
    }

    @Test("A corrupt earlier version stops publication and is left as it was")
    func corruptEarlierVersion() throws {
        try withTemporaryDirectory { root in
            let store = SnapshotStore(root: root)
            let first = try store.publish(Fixture.snapshot())
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: first.url.path)
            let damaged = Data(try Data(contentsOf: first.url).prefix(100))
            try damaged.write(to: first.url)
            #expect(throws: SnapshotError.self) {
                try store.publish(Fixture.snapshot(indicators: [Fixture.indicator("exports", "1")]))
            }
            #expect(try Data(contentsOf: first.url) == damaged)
            #expect(store.versions(pipeline: "demo", month: Fixture.month) == [1])
        }
    }

    @Test("Temporary files left by a killed writer are ignored and then cleared")
    func leftovers() throws {
        try withTemporaryDirectory { root in
            let store = SnapshotStore(root: root)
            let directory = store.monthDirectory(pipeline: "demo", month: Fixture.month)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data("{\"sche".utf8).write(to: directory.appendingPathComponent(".v1.json.4242.tmp"))
            #expect(store.versions(pipeline: "demo", month: Fixture.month).isEmpty)
            _ = try store.publish(Fixture.snapshot())
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["latest", "v1.json"])
        }
    }

    @Test("Unknown references name what is missing")
    func unknownReferences() throws {
        try withTemporaryDirectory { root in
            let store = SnapshotStore(root: root)
            _ = try store.publish(Fixture.snapshot())
            let missing: [SnapshotReference] = [
                .stored(pipeline: "demo", month: Fixture.month, selector: .version(7)),
                .stored(pipeline: "nope", month: Fixture.month, selector: .latest),
                .stored(pipeline: "demo", month: Fixture.month.next, selector: .latest),
            ]
            for reference in missing {
                #expect {
                    try store.resolve(reference)
                } throws: { error in
                    guard case SnapshotError.unknownReference(let text, _) = error else { return false }
                    return text == reference.description
                }
            }
        }
    }
}

@Suite("Snapshot references")
struct SnapshotReferenceTests {
    @Test(
        "PIPELINE/YYYY-MM forms",
        arguments: [
            ("demo/2023-10", SnapshotReference.stored(pipeline: "demo", month: Fixture.month, selector: .latest)),
            ("demo/2023-10@latest", .stored(pipeline: "demo", month: Fixture.month, selector: .latest)),
            ("demo/2023-10@v3", .stored(pipeline: "demo", month: Fixture.month, selector: .version(3))),
        ])
    func stored(text: String, expected: SnapshotReference) throws {
        #expect(try SnapshotReference.parse(text) == expected)
    }

    @Test(
        "Bad references are refused, saying what is wrong",
        arguments: [
            ("demo", "no such file or folder"), ("demo/2023-13", "'2023-13' is not a month"),
            ("demo/2023-10@v0", "neither @latest nor @vN"), ("demo/2023-10@first", "neither @latest nor @vN"),
            ("/nope/x.json", "no such file or folder"),
        ])
    func bad(text: String, message: String) {
        #expect {
            try SnapshotReference.parse(text)
        } throws: { error in
            guard case SnapshotError.unknownReference(let reference, let detail) = error else { return false }
            return reference == text && detail.contains(message)
        }
    }

    @Test("Existing files and folders are taken as they are")
    func paths() throws {
        try withTemporaryDirectory { root in
            let file = root.appendingPathComponent("v1.json")
            try Data().write(to: file)
            #expect(try SnapshotReference.parse(file.path) == .file(file))
            #expect(try SnapshotReference.parse(root.path) == .root(URL(fileURLWithPath: root.path)))
        }
    }
}
