import Dispatch
import Foundation
import Logging
import ProvstatCore
import ProvstatFetch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One `provstat run`: the planned months of one pipeline in order, each with its own lock,
/// ledger lines and snapshot, under one deadline; metrics and the exit status at the end.
///
/// The command line only parses arguments and prints: everything a run must do to leave the
/// output in order (the ledger's `end` line, the lock, the metrics) happens here, so a library
/// caller gets the same.
public struct PipelineRun: Sendable {
    public let definition: PipelineDefinition
    public let months: [MonthPlan.Entry]
    public let outputRoot: URL
    public var fetchOptions: FetchOptions
    public var logger: Logger
    /// Seconds the whole run may fetch; nil: the definition's `run_deadline`.
    public var deadlineSeconds: TimeInterval?
    /// Where to write Prometheus metrics (atomically), if anywhere.
    public var metricsFile: URL?
    /// Whether SIGTERM and SIGINT end the run cleanly (ledger `end` line, exit 75) rather than
    /// killing it: what a command line wants, not a test process.
    public var handlesTermination = false
    /// Called on the calling thread as sources are read: the month, how many of how many, which.
    public var progress: (@Sendable (_ month: Month, _ done: Int, _ total: Int, _ source: String) -> Void)?
    /// Called on the calling thread when a month has ended, before the next starts.
    public var monthEnded: (@Sendable (_ month: Month, _ outcome: MonthRun.Outcome) -> Void)?

    public init(
        definition: PipelineDefinition, months: [MonthPlan.Entry], outputRoot: URL,
        fetchOptions: FetchOptions = FetchOptions(),
        logger: Logger = Logger(label: "provstat", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.definition = definition
        self.months = months
        self.outputRoot = outputRoot
        self.fetchOptions = fetchOptions
        self.logger = logger
    }

    /// What the run did.
    public struct Outcome: Sendable {
        /// The worst month's ending; its `code` is the process's exit status.
        public var ending: RunEnding
        /// Each month that was tried, in order.
        public var months: [(month: Month, outcome: MonthRun.Outcome)]
        public var metrics: RunMetrics
    }

    /// Runs the months in order; stops at a failure that would stop the next month too (lock
    /// held, output not writable, the deadline passed or a stop signal).
    public func run() -> Outcome {
        let started = Date()
        let deadline = RunDeadline(seconds: deadlineSeconds ?? definition.fetch.runDeadline, now: started)
        var options = fetchOptions
        options.runDeadline = deadline
        let signals = handlesTermination ? Self.watchTermination(deadline, logger: logger) : []
        defer { signals.forEach { $0.cancel() } }

        var metrics = RunMetrics(
            pipeline: definition.name, startedAt: started, finishedAt: started, exitCode: 0, succeeded: true)
        var worst = RunEnding.complete
        var done: [(month: Month, outcome: MonthRun.Outcome)] = []
        if months.isEmpty { logger.notice("nothing to run", metadata: ["pipeline": "\(definition.name)"]) }
        for entry in months {
            if deadline.hasPassed {
                logger.error("\(deadline.current.name) passed before \(entry.month); run it later")
                worst = max(worst, .temporary)
                break
            }
            var logger = logger
            logger[metadataKey: "pipeline"] = "\(definition.name)"
            logger[metadataKey: "month"] = "\(entry.month)"
            logger.info("running: \(entry.reason)")
            var monthRun = MonthRun(
                definition: definition, month: entry.month, outputRoot: outputRoot, fetchOptions: options,
                logger: logger)
            if let progress {
                let month = entry.month
                monthRun.progress = { progress(month, $0, $1, $2) }
            }
            let outcome = monthRun.run()
            if let snapshot = outcome.result?.snapshot { metrics.add(snapshot) }
            Self.log(outcome, logger: logger)
            monthEnded?(entry.month, outcome)
            done.append((entry.month, outcome))
            worst = max(worst, outcome.ending)
            // A held lock, an unwritable folder or the deadline will stop the next month too.
            if outcome.ending.stopsTheRun { break }
        }
        metrics.finishedAt = Date()
        metrics.exitCode = worst.code
        metrics.succeeded = worst == .complete
        if let metricsFile {
            do { try metrics.write(to: metricsFile) } catch {
                logger.error("cannot write the metrics file \(metricsFile.path): \(error)")
            }
        }
        return Outcome(ending: worst, months: done, metrics: metrics)
    }

    private static func log(_ outcome: MonthRun.Outcome, logger: Logger) {
        let failures = outcome.errors.joined(separator: "; ")
        guard outcome.result != nil else {
            logger.error("\(failures)")
            return
        }
        switch outcome.ending {
        case .complete: logger.info("complete")
        case .partial: logger.warning("partial: \(failures)")
        case .rejected: logger.error("rejected: an error-level check failed; latest not moved")
        case .unavailable: logger.error("no source could be read; nothing published: \(failures)")
        default: logger.error("stopped or every source failed for now; retry later: \(failures)")
        }
    }

    /// Turns SIGTERM and SIGINT into a stop: the deadline moves to now, fetches end, the month
    /// in progress records its `end` line and the run exits 75.
    private static func watchTermination(_ deadline: RunDeadline, logger: Logger) -> [DispatchSourceSignal] {
        [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")].map { number, name in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                logger.warning("\(name) received: ending the run cleanly (nothing more is fetched)")
                deadline.stopNow(reason: "stopped by \(name)")
            }
            source.resume()
            return source
        }
    }
}
