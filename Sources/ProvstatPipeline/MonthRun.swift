import Foundation
import Logging
import ProvstatCore
import ProvstatExtract
import ProvstatFetch
import ProvstatParse
import ProvstatReconcile
import ProvstatSnapshot

/// Runs one pipeline for one month: fetch → parse → extract → map → reconcile → snapshot.
///
/// Fetching and reading are Dispatch worker pools joined by bounded queues; each fetch worker
/// owns one curl handle and each reader parses one page (one `xmlDoc`) at a time.
public struct MonthRun: Sendable {
    public let definition: PipelineDefinition
    public let month: Month
    public let outputRoot: URL

    /// Offline replay, robots override and the raw store's place.
    public let fetchOptions: FetchOptions

    /// Called on the calling thread each time a source has been read: how many of how many, and
    /// which. For a progress line on a terminal.
    public var progress: (@Sendable (_ done: Int, _ total: Int, _ source: String) -> Void)?

    /// Where the stages tell what they do (retries, robots.txt, discovery, pages that fail).
    public var logger: Logger

    public init(
        definition: PipelineDefinition, month: Month, outputRoot: URL, fetchOptions: FetchOptions = FetchOptions(),
        logger: Logger = Logger(label: "provstat", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.definition = definition
        self.month = month
        self.outputRoot = outputRoot
        self.fetchOptions = fetchOptions
        self.logger = logger
    }

    /// What a run produced.
    public struct Result: Sendable {
        /// The snapshot as stored (the earlier version's, when unchanged), or as assembled when
        /// nothing could be read and so nothing was published.
        public var snapshot: Snapshot
        /// Whether a version was written, and which; nil when nothing was published.
        public var publication: Publication?
        /// Why nothing was published, when no source could be read.
        public var nothingRead: NothingRead?
        /// What fetching did, per host.
        public var fetchStatistics = FetchStatistics()
    }

    /// Why a month published nothing.
    public enum NothingRead: Sendable, Equatable {
        /// Every source failed in a way that may pass (network down, server overloaded): retry later.
        case temporary
        /// No source could be read (not published yet, or failing for good).
        case unavailable
    }

    /// How a month ended: the ending (exit code), what was read and published (nil when the
    /// run could not start or failed before publishing), and the errors the ledger records.
    public struct Outcome: Sendable {
        public var ending: RunEnding
        public var result: Result?
        public var errors: [String]
    }

    /// Runs the whole month: takes the pipeline's lock and the ledger's `start` line, checks
    /// that the snapshot and raw-store folders are writable before fetching anything, fetches,
    /// reads, publishes, and appends the ledger's `end` line however it ended.
    public func run() -> Outcome {
        let session: SnapshotSession
        do { session = try SnapshotSession(root: outputRoot, pipeline: definition.name, month: month) } catch {
            let ending = RunEnding.forSnapshot(error)
            if let error = error as? LockError {
                SnapshotSession.recordRefusal(
                    root: outputRoot, pipeline: definition.name, month: month, exitCode: ending.code, error: error)
            }
            return Outcome(ending: ending, result: nil, errors: ["\(error)"])
        }
        if let problem = rawStoreProblem() {
            try? session.finish(exitCode: RunEnding.cannotWriteCode, errors: [problem])
            return Outcome(ending: .stop(RunEnding.cannotWriteCode), result: nil, errors: [problem])
        }
        let result: Result
        do { result = try run(in: session) } catch {
            let ending = RunEnding.forSnapshot(error)
            try? session.finish(exitCode: ending.code, errors: ["\(error)"])
            return Outcome(ending: ending, result: nil, errors: ["\(error)"])
        }
        var ending = RunEnding(result)
        var errors = result.snapshot.sources.filter { !$0.succeeded }.map {
            "\($0.id): \($0.outcome.rawValue): \($0.reason ?? "")"
        }
        if let deadline = fetchOptions.runDeadline, deadline.hasPassed {
            // The run ran out of time or was stopped: what was read is kept, the run ends here.
            ending = max(ending, .temporary)
            errors.append("the run ended early: \(deadline.current.name); retry later")
        }
        do { try session.finish(exitCode: ending.code, publication: result.publication, errors: errors) } catch {
            logger.warning("cannot append to the run ledger: \(error)")
        }
        return Outcome(ending: ending, result: result, errors: errors)
    }

    /// Why the raw store cannot be written (it is created when missing), or nil when it can;
    /// offline runs only read it.
    func rawStoreProblem() -> String? {
        guard !fetchOptions.offline else { return nil }
        let root = fetchOptions.storeRoot(outputRoot: outputRoot)
        do { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) } catch {
            return "\(root.path): the raw store cannot be created (\(error.localizedDescription)); "
                + "fix its permissions or pass --cache DIR"
        }
        guard FileManager.default.isWritableFile(atPath: root.path) else {
            return "\(root.path): the raw store is not writable; fix its permissions or pass --cache DIR"
        }
        return nil
    }

    /// Runs the month and publishes its snapshot through `session` (which the caller finishes).
    func run(in session: SnapshotSession) throws -> Result {
        CurlGlobal.initialise()
        LibXML2.initialise()
        let started = Date()
        let (read, statistics) = fetchAndRead()
        let snapshot = assemble(read, started: started, runID: session.runID)
        // A month of which nothing could be read is not published: an empty snapshot would
        // carry no figure and would push a good earlier version out of `latest`.
        // Stopped by a signal: keep nothing half-done; the ledger says why.
        if fetchOptions.runDeadline?.wasStopped == true {
            return Result(snapshot: snapshot, nothingRead: .temporary, fetchStatistics: statistics)
        }
        if !read.isEmpty, !read.contains(where: \.record.succeeded) {
            let failed = read.filter { $0.record.outcome == .failed }
            let temporary = !failed.isEmpty && failed.allSatisfy(\.transientFailure)
            return Result(
                snapshot: snapshot, nothingRead: temporary ? .temporary : .unavailable, fetchStatistics: statistics)
        }
        let publication = try session.publish(snapshot)
        return Result(snapshot: publication.snapshot, publication: publication, fetchStatistics: statistics)
    }

    /// Fetches, parses and extracts every source (results in definition order), and what
    /// fetching did.
    func fetchAndRead() -> (sources: [ReadSource], statistics: FetchStatistics) {
        let sources = BoundedQueue<SourceDefinition>(capacity: max(1, definition.sources.count))
        let fetched = BoundedQueue<FetchedSource>(capacity: 4)
        let read = BoundedQueue<ReadSource>(capacity: 4)
        // One session for all fetch workers: per-host limits, robots.txt and the store are shared.
        let session = fetchOptions.session(
            for: definition, outputRoot: outputRoot, userAgent: Self.userAgent(contact: definition.contact),
            logger: logger)
        let month = month
        let listings = fetchOptions.listings  // the run's, so each listing page is read once per run
        let sourceDeadline = definition.fetch.sourceDeadline
        let budget = definition.fetch.pageBudget
        let logger = logger

        WorkerPool.start(
            name: "fetch", count: min(definition.fetch.globalConcurrency, definition.sources.count), input: sources,
            output: fetched,
            makeState: {
                SourceFetcher(session: session, month: month, listings: listings, sourceDeadline: sourceDeadline)
            },
            work: { fetcher, source in fetcher.fetch(source) })
        WorkerPool.start(
            name: "read", count: 2, input: fetched, output: read,
            makeState: { PageReader(budget: budget, logger: logger) },
            work: { reader, page in reader.read(page) })

        for source in definition.sources { sources.push(source) }
        sources.close()

        var results: [String: ReadSource] = [:]
        while let item = read.pop() {
            results[item.record.id] = item
            progress?(results.count, definition.sources.count, item.record.id)
        }
        return (definition.sources.compactMap { results[$0.id] }, session.statistics.snapshot)
    }

    /// Maps, reconciles and builds the snapshot document.
    func assemble(_ read: [ReadSource], started: Date, runID: String) -> Snapshot {
        var facts: [String: [Fact]] = [:]
        for source in read where !source.facts.isEmpty { facts[source.record.id] = source.facts }
        let records = read.map(\.record)
        let textless = Set(read.filter { $0.record.succeeded && $0.blocks == 0 }.map(\.record.id))
        let evaluation = MonthReconciliation(definition: definition, month: month, outputRoot: outputRoot)
            .evaluate(MonthReconciliation.sourcedFacts(of: records, facts: facts), sources: records, textless: textless)
        let succeeded = read.filter(\.record.succeeded).count
        let completeness = Snapshot.Completeness(
            sourcesExpected: definition.sources.count, sourcesSucceeded: succeeded,
            indicatorsDefined: definition.indicators.count, indicatorsFound: evaluation.values.count,
            requiredMissing: evaluation.requiredMissing)
        return Snapshot(
            provstatVersion: ProvstatVersion.current, pipeline: definition.name, month: month,
            runID: runID, startedAt: Timestamp.string(started),
            finishedAt: Timestamp.string(Date()), definitionDigest: definition.digest, sources: records,
            facts: facts, indicators: evaluation.values, checks: evaluation.checks, completeness: completeness,
            status: evaluation.status(sourcesSucceeded: succeeded, sourcesExpected: definition.sources.count))
    }

    static func userAgent(contact: String?) -> String {
        let base = "provstat/\(ProvstatVersion.current)"
        return contact.map { "\(base) (contact: \($0))" } ?? base
    }
}
