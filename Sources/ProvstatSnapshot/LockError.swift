/// The pipeline lock could not be taken.
public enum LockError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another run of the pipeline holds the lock.
    case held(pipeline: String, holder: LockHolder?, lockFile: String)
    /// The lock file cannot be opened or locked.
    case unavailable(lockFile: String, detail: String)

    public var description: String {
        switch self {
        case .held(let pipeline, let holder, let lockFile):
            let who =
                holder.map { "pid \($0.pid) on \($0.host), running since \($0.startedAt) (run \($0.runID))" }
                ?? "a process that has not yet recorded itself"
            return "pipeline \(pipeline) is already being run by \(who); try again when it has finished "
                + "(lock: \(lockFile))"
        case .unavailable(let lockFile, let detail):
            return "\(lockFile): cannot take the pipeline lock (\(detail)); check that the output folder is writable"
        }
    }
}
