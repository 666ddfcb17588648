import Foundation
import ProvstatCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One run's hold on a pipeline's output: checked writable, locked, and recorded in the ledger
/// from `open` to `finish`.
///
/// Open it before fetching anything, so that an unwritable folder or a concurrent run stops the
/// run before it touches the network.
public final class SnapshotSession: Sendable {
    /// The snapshot tree written to.
    public let store: SnapshotStore
    public let pipeline: String
    public let month: Month
    /// The run's id, recorded in the ledger, the lock file and the snapshot.
    public let runID: String
    /// ISO 8601, UTC.
    public let startedAt: String
    private let lock: PipelineLock
    private let ledger: RunLedger

    /// Checks that the output folder is writable, takes the pipeline lock and appends the
    /// ledger's `start` line. Throws `SnapshotError.notWritable` or a `LockError`.
    public init(root: URL, pipeline: String, month: Month) throws {
        let store = SnapshotStore(root: root)
        let directory = store.pipelineDirectory(pipeline)
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            throw SnapshotError.notWritable(path: directory.path, detail: Self.reason(error))
        }
        guard access(directory.path, W_OK) == 0 else {
            throw SnapshotError.notWritable(path: directory.path, detail: String(cString: strerror(errno)))
        }
        // The month's folder too, now rather than after every page has been fetched.
        let monthDirectory = store.monthDirectory(pipeline: pipeline, month: month)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: monthDirectory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw SnapshotError.notWritable(
                    path: monthDirectory.path, detail: "a file stands where the month's folder goes")
            }
            guard access(monthDirectory.path, W_OK) == 0 else {
                throw SnapshotError.notWritable(path: monthDirectory.path, detail: String(cString: strerror(errno)))
            }
        }
        let runID = UUID().uuidString.lowercased()
        let startedAt = Self.timestamp()
        let host = ProcessInfo.processInfo.hostName
        self.lock = try PipelineLock(
            root: root, pipeline: pipeline,
            holder: LockHolder(pid: getpid(), host: host, startedAt: startedAt, runID: runID))
        self.store = store
        self.pipeline = pipeline
        self.month = month
        self.runID = runID
        self.startedAt = startedAt
        self.ledger = RunLedger(root: root, pipeline: pipeline)
        try ledger.append(entry(.start))
    }

    /// Records in the ledger a run that could not take the lock. The line is appended without the
    /// lock, which `O_APPEND` makes safe; failing to write it changes nothing for the caller.
    public static func recordRefusal(root: URL, pipeline: String, month: Month, exitCode: Int32, error: LockError) {
        let now = timestamp()
        let entry = LedgerEntry(
            event: .refused, runID: UUID().uuidString.lowercased(), pipeline: pipeline, month: month.description,
            pid: getpid(), host: ProcessInfo.processInfo.hostName, provstatVersion: ProvstatVersion.current,
            startedAt: now, finishedAt: now, exitCode: exitCode, written: [], errors: [error.description])
        try? RunLedger(root: root, pipeline: pipeline).append(entry)
    }

    /// Publishes the run's snapshot (see `SnapshotStore.publish`).
    public func publish(_ snapshot: Snapshot) throws(SnapshotError) -> Publication {
        try store.publish(snapshot)
    }

    /// Appends the ledger's `end` line. The lock is released when the session is released.
    public func finish(
        exitCode: Int32, publication: Publication? = nil, errors: [String] = []
    ) throws(SnapshotError) {
        var line = entry(.end)
        line.finishedAt = Self.timestamp()
        line.exitCode = exitCode
        line.status = publication?.snapshot.status
        line.written = publication.map { $0.outcome == .written ? [$0.url.lastPathComponent] : [] } ?? []
        if let publication, publication.outcome == .unchanged { line.unchanged = publication.url.lastPathComponent }
        line.errors = errors.isEmpty ? nil : errors
        try ledger.append(line)
    }

    private func entry(_ event: LedgerEntry.Event) -> LedgerEntry {
        LedgerEntry(
            event: event, runID: runID, pipeline: pipeline, month: month.description, pid: getpid(),
            host: ProcessInfo.processInfo.hostName, provstatVersion: ProvstatVersion.current, startedAt: startedAt)
    }

    private static func timestamp() -> String {
        Date().formatted(.iso8601)
    }

    private static func reason(_ error: Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedDescription
    }
}
