import Foundation
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

    public init(
        definition: PipelineDefinition, month: Month, outputRoot: URL, fetchOptions: FetchOptions = FetchOptions()
    ) {
        self.definition = definition
        self.month = month
        self.outputRoot = outputRoot
        self.fetchOptions = fetchOptions
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

    /// Takes hold of the pipeline's output (writable check, lock, ledger) before anything is fetched.
    public func openSession() throws -> SnapshotSession {
        try SnapshotSession(root: outputRoot, pipeline: definition.name, month: month)
    }

    /// Runs the month and publishes its snapshot through `session`.
    public func run(in session: SnapshotSession) throws -> Result {
        CurlGlobal.initialise()
        LibXML2.initialise()
        let started = Date()
        let (read, statistics) = fetchAndRead()
        let snapshot = assemble(read, started: started, runID: session.runID)
        // A month of which nothing could be read is not published: an empty snapshot would
        // carry no figure and would push a good earlier version out of `latest`.
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
            for: definition, outputRoot: outputRoot, userAgent: Self.userAgent(contact: definition.contact))
        let month = month
        let listings = fetchOptions.listings  // the run's, so each listing page is read once per run

        WorkerPool.start(
            name: "fetch", count: min(definition.fetch.globalConcurrency, definition.sources.count), input: sources,
            output: fetched, makeState: { SourceFetcher(session: session, month: month, listings: listings) },
            work: { fetcher, source in fetcher.fetch(source) })
        WorkerPool.start(
            name: "read", count: 2, input: fetched, output: read, makeState: { PageReader() },
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
        let evaluation = MonthReconciliation(definition: definition, month: month, outputRoot: outputRoot)
            .evaluate(MonthReconciliation.sourcedFacts(of: records, facts: facts))
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
