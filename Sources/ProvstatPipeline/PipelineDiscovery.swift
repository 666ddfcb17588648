import Foundation
import ProvstatCore
import ProvstatFetch
import ProvstatParse

/// Discovery alone, for `provstat discover`: which link each source of a pipeline would read
/// for a month, and which were turned down and why. Fetches listing pages (and robots.txt)
/// only, never a report.
public struct PipelineDiscovery: Sendable {
    public let definition: PipelineDefinition
    public let outputRoot: URL
    /// Give it a `RunScope` so that months share the listing pages read.
    public let fetchOptions: FetchOptions

    public init(definition: PipelineDefinition, outputRoot: URL, fetchOptions: FetchOptions) {
        self.definition = definition
        self.outputRoot = outputRoot
        self.fetchOptions = fetchOptions
    }

    /// One report per source of `month`, in definition order, and what fetching did.
    public func discover(_ month: Month) -> (reports: [DiscoveryReport], statistics: FetchStatistics) {
        CurlGlobal.initialise()
        LibXML2.initialise()
        let session = fetchOptions.session(
            for: definition, outputRoot: outputRoot, userAgent: MonthRun.userAgent(contact: definition.contact))
        let fetcher = session.makeFetcher()
        let listings = fetchOptions.listings
        let reports = definition.sources.map { source -> DiscoveryReport in
            switch source.location {
            case .template(let template):
                let url = MonthTemplate.fill(template, month: month)
                return DiscoveryReport(source: source.id, month: month, status: .template, address: url)
            case .listing(let rule):
                return SourceDiscovery(id: source.id, rule: rule, month: month, quarterly: source.quarterly)
                    .run(index: listings, fetch: { (page) throws(FetchError) in try fetcher.fetch(page).response })
            }
        }
        return (reports, session.statistics.snapshot)
    }
}
