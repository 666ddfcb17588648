import Foundation
import ProvstatCore

/// The snapshot tree: `<root>/<pipeline>/<YYYY-MM>/v<N>.json` plus a `latest` pointer file.
public struct SnapshotStore: Sendable {
    /// The output root (`Output/` by default).
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// The folder of one pipeline's month.
    public func monthDirectory(pipeline: String, month: Month) -> URL {
        root.appendingPathComponent(pipeline).appendingPathComponent(month.description)
    }

    /// Version numbers already written for the month, ascending.
    public func versions(pipeline: String, month: Month) -> [Int] {
        let directory = monthDirectory(pipeline: pipeline, month: month)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.compactMap { name in
            guard name.hasPrefix("v"), name.hasSuffix(".json") else { return nil }
            return Int(name.dropFirst().dropLast(5))
        }.sorted()
    }

    /// Writes `snapshot` as the next version and returns its path. Never overwrites a version.
    @discardableResult
    public func write(_ snapshot: Snapshot) throws -> URL {
        let directory = monthDirectory(pipeline: snapshot.pipeline, month: snapshot.month)
        let next = (versions(pipeline: snapshot.pipeline, month: snapshot.month).last ?? 0) + 1
        let url = directory.appendingPathComponent("v\(next).json")
        try AtomicFile.write(try SnapshotCoding.encode(snapshot), to: url)
        if snapshot.status != .rejected {
            try AtomicFile.write(Data("v\(next).json\n".utf8), to: directory.appendingPathComponent("latest"))
        }
        return url
    }
}
