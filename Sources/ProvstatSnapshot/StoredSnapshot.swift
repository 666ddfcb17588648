import Foundation
import ProvstatCore

/// A snapshot read from disk, with where it lies and the digest of its bytes.
public struct StoredSnapshot: Sendable {
    /// The decoded document.
    public var snapshot: Snapshot
    /// The file it was read from.
    public var url: URL
    /// Its version number, when it lies in the store layout (`vN.json`).
    public var version: Int?
    /// SHA-256 of the file's bytes (what a later version's `supersedes` records).
    public var fileDigest: String

    /// `pipeline/YYYY-MM@vN`, or the path for a loose file.
    public var label: String {
        guard let version else { return url.path }
        return "\(snapshot.pipeline)/\(snapshot.month)@v\(version)"
    }

    /// Reads and validates one snapshot file.
    public static func read(_ url: URL, version: Int? = nil) throws(SnapshotError) -> StoredSnapshot {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unknownReference(url.path, detail: "cannot read the file (\(error.localizedDescription))")
        }
        let snapshot = try SnapshotCoding.decodeSnapshot(data, path: url.path)
        return StoredSnapshot(snapshot: snapshot, url: url, version: version, fileDigest: SHA256Hex.digest(data))
    }
}
