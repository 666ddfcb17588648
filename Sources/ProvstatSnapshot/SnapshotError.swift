/// A snapshot that cannot be found, read or written; the message names the file or reference.
public enum SnapshotError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is not valid JSON, is cut short, or lacks fields a snapshot must have.
    case corrupt(path: String, detail: String)
    /// A month's `latest` pointer is not a small regular file naming a version.
    case badPointer(path: String, detail: String)
    /// The file is JSON but no provstat snapshot at all (no `schema`): a wrong path, not damage.
    case notASnapshot(path: String, detail: String)
    /// The file was written by a newer provstat with a format this build does not know.
    case newerSchema(path: String, found: Int, supported: Int)
    /// A reference names no snapshot (no such file, pipeline, month or version).
    case unknownReference(String, detail: String)
    /// The output folder cannot be created or written.
    case notWritable(path: String, detail: String)
    /// Writing a snapshot, pointer or ledger line failed.
    case writeFailed(path: String, detail: String)

    public var description: String {
        switch self {
        case .corrupt(let path, let detail):
            "\(path): not a readable snapshot (\(detail)); it was left untouched: restore it from a backup "
                + "or move it aside"
        case .badPointer(let path, let detail):
            "\(path): the month's latest pointer is \(detail); replace it with a regular file naming the newest "
                + "good version, e.g. `echo v1.json > \(path)` (see `provstat snapshots`); no version was touched"
        case .notASnapshot(let path, let detail):
            "\(path): not a provstat snapshot (\(detail)); give a snapshot file (vN.json under the output folder) "
                + "or a reference PIPELINE/YYYY-MM[@vN] (see `provstat snapshots`)"
        case .newerSchema(let path, let found, let supported):
            "\(path): snapshot schema \(found) is newer than this provstat understands (\(supported)); "
                + "upgrade provstat to read it"
        case .unknownReference(let reference, let detail):
            "\(reference): \(detail); give a snapshot file, PIPELINE/YYYY-MM[@vN|@latest] "
                + "(see `provstat snapshots`) or an output folder"
        case .notWritable(let path, let detail):
            "\(path): the output folder is not writable (\(detail)); fix its permissions or pass --output DIR"
        case .writeFailed(let path, let detail):
            "\(path): cannot write (\(detail)); nothing was published"
        }
    }
}
