import ProvstatSnapshot

/// How one month of a run ended, with its exit code (README, Exit codes); a run exits with its
/// worst month's code.
public struct RunEnding: Comparable, Sendable, CustomStringConvertible {
    /// Worse endings rank higher.
    public let rank: Int
    /// The exit code documented in the README (sysexits).
    public let code: Int32

    /// Every month complete (or unchanged).
    public static let complete = RunEnding(rank: 0, code: 0)
    /// A partial snapshot was published.
    public static let partial = RunEnding(rank: 1, code: 3)
    /// A snapshot was written as rejected (EX_DATAERR).
    public static let rejected = RunEnding(rank: 2, code: 65)
    /// No source could be read, nothing published (EX_UNAVAILABLE).
    public static let unavailable = RunEnding(rank: 3, code: 69)
    /// Every failure may pass, or the run's time ran out or it was stopped: retry later (EX_TEMPFAIL).
    public static let temporary = RunEnding(rank: 4, code: 75)

    /// Exit codes of failures that stop the whole run.
    public static let cannotWriteCode: Int32 = 73
    public static let dataErrorCode: Int32 = 65
    public static let configurationCode: Int32 = 78
    public static let noInputCode: Int32 = 66

    /// A failure that stops the whole run (lock held, output not writable, stored data unreadable).
    public static func stop(_ code: Int32) -> RunEnding {
        code == temporary.code ? .temporary : RunEnding(rank: 5, code: code)
    }

    /// The ending for an error of the snapshot stage (lock, folders, stored versions).
    public static func forSnapshot(_ error: Error) -> RunEnding {
        switch error {
        case LockError.held: .temporary
        case SnapshotError.corrupt, SnapshotError.notASnapshot, SnapshotError.badPointer: .stop(dataErrorCode)
        case SnapshotError.newerSchema: .stop(configurationCode)
        case SnapshotError.unknownReference: .stop(noInputCode)
        default: .stop(cannotWriteCode)
        }
    }

    /// Whether later months should not be tried: what stopped this one would stop them too.
    public var stopsTheRun: Bool { rank >= RunEnding.temporary.rank }

    /// The ending of a month that was read.
    public init(_ result: MonthRun.Result) {
        switch (result.nothingRead, result.snapshot.status) {
        case (.temporary?, _): self = .temporary
        case (.unavailable?, _): self = .unavailable
        case (nil, .complete): self = .complete
        case (nil, .partial): self = .partial
        case (nil, .rejected): self = .rejected
        }
    }

    private init(rank: Int, code: Int32) {
        self.rank = rank
        self.code = code
    }

    public var description: String { "exit \(code)" }

    public static func < (lhs: RunEnding, rhs: RunEnding) -> Bool { lhs.rank < rhs.rank }
}
