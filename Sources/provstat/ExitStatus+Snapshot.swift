import ArgumentParser
import ProvstatSnapshot

extension ExitStatus {
    /// The exit code for a snapshot-stage error outside `diff` (which always exits 2).
    static func forSnapshot(_ error: Error) -> ExitCode {
        switch error {
        case LockError.held: temporary
        case LockError.unavailable: cannotWrite
        case SnapshotError.corrupt, SnapshotError.badPointer: dataRejected
        case SnapshotError.notASnapshot: noInput
        case SnapshotError.newerSchema: configuration
        case SnapshotError.unknownReference: noInput
        case SnapshotError.notWritable, SnapshotError.writeFailed: cannotWrite
        default: cannotWrite
        }
    }
}
