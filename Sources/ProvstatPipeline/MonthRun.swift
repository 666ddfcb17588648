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
        /// The snapshot as written.
        public var snapshot: Snapshot
        /// Where it was written.
        public var path: URL
        /// What fetching did, per host.
        public var fetchStatistics = FetchStatistics()
    }

    /// Runs the month and writes its snapshot.
    public func run() throws -> Result {
        CurlGlobal.initialise()
        LibXML2.initialise()
        let started = Date()
        let (read, statistics) = fetchAndRead()
        let snapshot = assemble(read, started: started)
        let path = try SnapshotStore(root: outputRoot).write(snapshot)
        return Result(snapshot: snapshot, path: path, fetchStatistics: statistics)
    }

    /// Fetches, parses and extracts every source; results in definition order.
    func readSources() -> [ReadSource] { fetchAndRead().sources }

    /// `readSources()` and what fetching did.
    func fetchAndRead() -> (sources: [ReadSource], statistics: FetchStatistics) {
        let sources = BoundedQueue<SourceDefinition>(capacity: max(1, definition.sources.count))
        let fetched = BoundedQueue<FetchedSource>(capacity: 4)
        let read = BoundedQueue<ReadSource>(capacity: 4)
        // One session for all fetch workers: per-host limits, robots.txt and the store are shared.
        let session = fetchOptions.session(
            for: definition, outputRoot: outputRoot, userAgent: Self.userAgent(contact: definition.contact))
        let month = month

        WorkerPool.start(
            name: "fetch", count: min(definition.fetch.globalConcurrency, definition.sources.count), input: sources,
            output: fetched, makeState: { SourceFetcher(session: session, month: month) },
            work: { fetcher, source in fetcher.fetch(source) })
        WorkerPool.start(
            name: "read", count: 2, input: fetched, output: read, makeState: { PageReader() },
            work: { reader, page in reader.read(page) })

        for source in definition.sources { sources.push(source) }
        sources.close()

        var results: [String: ReadSource] = [:]
        while let item = read.pop() { results[item.record.id] = item }
        return (definition.sources.compactMap { results[$0.id] }, session.statistics.snapshot)
    }

    /// Maps, reconciles and builds the snapshot document.
    func assemble(_ read: [ReadSource], started: Date) -> Snapshot {
        var sourced: [SourcedFact] = []
        for source in read where source.record.succeeded {
            for fact in source.facts {
                sourced.append(
                    SourcedFact(
                        fact: fact, url: source.record.url, fetchedAt: source.record.fetchedAt ?? "",
                        sha256: source.record.sha256 ?? ""))
            }
        }
        let values = IndicatorMapper(definitions: definition.indicators).map(sourced)
        let checks = Reconciler(definitions: definition.indicators).check(values)
        let requiredMissing = definition.indicators.filter { $0.required && values[$0.id] == nil }.map(\.id)
        let succeeded = read.filter(\.record.succeeded).count
        let completeness = Snapshot.Completeness(
            sourcesExpected: definition.sources.count, sourcesSucceeded: succeeded,
            indicatorsDefined: definition.indicators.count, indicatorsFound: values.count,
            requiredMissing: requiredMissing)
        let status: Snapshot.Status
        if checks.contains(where: { $0.status == .fail && $0.severity == .error }) {
            status = .rejected
        } else if succeeded < definition.sources.count || !requiredMissing.isEmpty {
            status = .partial
        } else {
            status = .complete
        }
        var facts: [String: [Fact]] = [:]
        for source in read where !source.facts.isEmpty { facts[source.record.id] = source.facts }
        return Snapshot(
            provstatVersion: ProvstatVersion.current, pipeline: definition.name, month: month,
            runID: UUID().uuidString.lowercased(), startedAt: Timestamp.string(started),
            finishedAt: Timestamp.string(Date()), definitionDigest: definition.digest, sources: read.map(\.record),
            facts: facts, indicators: values, checks: checks, completeness: completeness, status: status)
    }

    static func userAgent(contact: String?) -> String {
        let base = "provstat/\(ProvstatVersion.current)"
        return contact.map { "\(base) (contact: \($0))" } ?? base
    }
}

/// One reader worker: parses a fetched page and extracts its facts.
struct PageReader {
    let parser = PageParser()
    let extractor = FactExtractor()

    func read(_ page: FetchedSource) -> ReadSource {
        guard let body = page.body else { return ReadSource(record: page.record, facts: []) }
        var record = page.record
        do {
            let parsed = try parser.parse(
                data: body, source: record.url, contentType: page.contentType, xpath: page.definition.xpath)
            let facts = extractor.extract(from: parsed.blocks)
            record.factCount = facts.count
            return ReadSource(record: record, facts: facts)
        } catch {
            record.outcome = .failed
            record.reason = "parse: \(error.description)"
            return ReadSource(record: record, facts: [])
        }
    }
}
