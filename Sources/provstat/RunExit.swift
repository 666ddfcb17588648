import ArgumentParser
import ProvstatPipeline

/// How one month of a run ended; a run exits with its worst month's code.
struct RunExit: Comparable {
    /// Worse endings rank higher.
    let rank: Int
    /// The exit code documented in the README.
    let code: ExitCode

    static let complete = RunExit(rank: 0, code: ExitStatus.ok)
    static let partial = RunExit(rank: 1, code: ExitStatus.partial)
    static let rejected = RunExit(rank: 2, code: ExitStatus.dataRejected)
    static let unavailable = RunExit(rank: 3, code: ExitStatus.unavailable)
    static let temporary = RunExit(rank: 4, code: ExitStatus.temporary)

    /// A failure that stops the whole run (lock held, output not writable, stored data unreadable).
    static func stop(_ code: ExitCode) -> RunExit {
        code == ExitStatus.temporary ? .temporary : RunExit(rank: 5, code: code)
    }

    /// Whether later months should not be tried: what stopped this one would stop them too.
    var stopsTheRun: Bool { rank >= RunExit.temporary.rank }

    /// The ending of a month that was read.
    init(_ result: MonthRun.Result) {
        switch (result.nothingRead, result.snapshot.status) {
        case (.temporary?, _): self = .temporary
        case (.unavailable?, _): self = .unavailable
        case (nil, .complete): self = .complete
        case (nil, .partial): self = .partial
        case (nil, .rejected): self = .rejected
        }
    }

    private init(rank: Int, code: ExitCode) {
        self.rank = rank
        self.code = code
    }

    static func < (lhs: RunExit, rhs: RunExit) -> Bool { lhs.rank < rhs.rank }
    static func == (lhs: RunExit, rhs: RunExit) -> Bool { lhs.rank == rhs.rank && lhs.code == rhs.code }
}
