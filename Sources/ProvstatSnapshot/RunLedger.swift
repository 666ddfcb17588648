import Foundation
import ProvstatSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A pipeline's append-only run ledger, `<root>/<pipeline>/runs.jsonl`: one JSON object a line.
public struct RunLedger: Sendable {
    /// The ledger file.
    public let file: URL

    public init(root: URL, pipeline: String) {
        file = root.appendingPathComponent(pipeline).appendingPathComponent("runs.jsonl")
    }

    /// Appends one line with a single `write(2)` on an `O_APPEND` descriptor, then fsyncs.
    public func append(_ entry: LedgerEntry) throws(SnapshotError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line: Data
        do { line = try encoder.encode(entry) } catch {
            throw .writeFailed(path: file.path, detail: "cannot encode the ledger line: \(error)")
        }
        line.append(0x0A)
        let descriptor = open(file.path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SnapshotError(.lastError("open", file.path)) }
        defer { close(descriptor) }
        // A run killed mid-write may have left a line without its newline: start on a fresh line.
        var last: UInt8 = 0x0A
        let size = lseek(descriptor, 0, SEEK_END)
        if size > 0, pread(descriptor, &last, 1, size - 1) == 1, last != 0x0A { line.insert(0x0A, at: 0) }
        guard AtomicFile.writeAll(line, to: descriptor) else { throw SnapshotError(.lastError("append to", file.path)) }
        guard fsync(descriptor) == 0 else { throw SnapshotError(.lastError("fsync", file.path)) }
    }

    /// Every whole line, oldest first; a torn line is skipped.
    public func entries() -> [LedgerEntry] {
        guard let data = FileManager.default.contents(atPath: file.path) else { return [] }
        return data.split(separator: 0x0A).compactMap { try? JSONDecoder().decode(LedgerEntry.self, from: Data($0)) }
    }
}
