import Foundation
import ProvstatCore
import Testing

@testable import ProvstatSnapshot

@Suite("Reading snapshot files")
struct SnapshotDecodingTests {
    @Test("A truncated snapshot is reported as corrupt, naming the file")
    func truncated() throws {
        let data = try SnapshotCoding.encode(Fixture.snapshot())
        for length in [0, 1, data.count / 3, data.count - 3] {
            #expect {
                try SnapshotCoding.decodeSnapshot(data.prefix(length), path: "x/v1.json")
            } throws: { error in
                guard case SnapshotError.corrupt(let path, _) = error else { return false }
                return path == "x/v1.json" && "\(error)".contains("x/v1.json")
            }
        }
    }

    @Test("A snapshot from a newer schema is refused with the versions named")
    func newerSchema() throws {
        var snapshot = Fixture.snapshot()
        snapshot.schema = Snapshot.currentSchema + 1
        let data = try SnapshotCoding.encode(snapshot)
        #expect(
            throws: SnapshotError.newerSchema(
                path: "v9.json", found: Snapshot.currentSchema + 1, supported: Snapshot.currentSchema)
        ) {
            try SnapshotCoding.decodeSnapshot(data, path: "v9.json")
        }
    }

    @Test("Valid JSON that is not a snapshot names what is missing")
    func foreignJSON() throws {
        let error = #expect(throws: SnapshotError.self) {
            try SnapshotCoding.decodeSnapshot(Data(#"{"schema": 1, "pipeline": "demo"}"#.utf8), path: "a.json")
        }
        guard case .corrupt(_, let detail) = try #require(error) else {
            Issue.record("expected corrupt, got \(String(describing: error))")
            return
        }
        #expect(detail.contains("missing"))
    }
}
