import Foundation
import ProvstatCore
import ProvstatFetch
import ProvstatSnapshot

/// Finds the sources whose page changed since a snapshot read them, for `--reprocess stale`.
///
/// Each page the snapshot read is asked for again with the run's client: a conditional request
/// when the raw store knows the page's validators (a 304 costs the portal almost nothing), a
/// plain one otherwise, and the bytes' SHA-256 compared with the one recorded. A page that
/// cannot be fetched now is not counted as changed: nothing is known about it.
public struct SourceChangeProbe: Sendable {
    let session: FetchSession
    /// Each source's scheme policy, by id: a URL recorded in a snapshot is held to it too.
    let policies: [String: SchemePolicy]

    /// A probe fetching as a run of `definition` would (politeness, robots.txt, raw store).
    public init(definition: PipelineDefinition, outputRoot: URL, options: FetchOptions) {
        session = options.session(
            for: definition, outputRoot: outputRoot, userAgent: MonthRun.userAgent(contact: definition.contact))
        policies = Dictionary(
            definition.sources.map { ($0.id, SchemePolicy(definitionURL: $0.definitionURL)) },
            uniquingKeysWith: { first, _ in first })
    }

    /// Ids of the sources of `snapshot` whose page bytes differ from those it recorded.
    public func changedSources(of snapshot: Snapshot) -> [String] {
        let fetcher = session.makeFetcher()
        return snapshot.sources.compactMap { source in
            fetcher.policy = policies[source.id] ?? .web
            guard source.succeeded, let recorded = source.sha256,
                let result = try? fetcher.fetch(source.url)
            else { return nil }
            return SHA256Hex.digest(result.response.body) == recorded ? nil : source.id
        }
    }
}
