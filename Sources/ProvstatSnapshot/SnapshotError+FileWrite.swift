import ProvstatSupport

extension SnapshotError {
    /// A failed write of a snapshot, pointer or ledger line, as the snapshot store reports it.
    init(_ failure: FileWriteError) {
        self = .writeFailed(path: failure.path, detail: failure.detail)
    }
}
