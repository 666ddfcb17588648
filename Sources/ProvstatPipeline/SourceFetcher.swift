import Foundation
import Logging
import ProvstatCore
import ProvstatFetch

/// One fetch worker's view of the network: finds a source's page for the month and fetches it.
///
/// Owns one `PageFetcher` (and so one curl handle): made and used on one worker's thread.
/// Politeness, robots.txt, the raw store and the statistics are shared through the session.
final class SourceFetcher {
    private let fetcher: PageFetcher
    private let month: Month
    private let listings: ListingIndex
    /// Seconds one source may take, listing pages and retries included.
    private let sourceDeadline: TimeInterval?
    private let logger: Logger

    init(
        session: FetchSession, month: Month, listings: ListingIndex = ListingIndex(),
        sourceDeadline: TimeInterval? = nil
    ) {
        self.fetcher = session.makeFetcher()
        self.month = month
        self.listings = listings
        self.sourceDeadline = sourceDeadline
        self.logger = session.logger
    }

    /// Fetches one source; never throws: every ending is a record (fetched, not_modified,
    /// replayed, not_published or failed with the reason).
    func fetch(_ source: SourceDefinition) -> FetchedSource {
        // A web source's links and redirects may only lead to http(s); file: only for a file source.
        fetcher.policy = SchemePolicy(definitionURL: source.definitionURL)
        fetcher.deadline = sourceDeadline.map { Date().addingTimeInterval($0) }
        let url: String
        var listingURL: String? = nil
        var linkTitle: String? = nil
        switch source.location {
        case .template(let template):
            url = MonthTemplate.fill(template, month: month)
        case .listing(let rule):
            let discovery = SourceDiscovery(id: source.id, rule: rule, month: month, quarterly: source.quarterly)
            let report = discovery.run(
                index: listings, fetch: { (page) throws(FetchError) in try fetcher.fetch(page).response })
            let listing = report.listing ?? rule.url
            guard report.status == .found, let chosen = report.chosen else {
                let outcome: SourceRecord.Outcome = report.status == .failed ? .failed : .notPublished
                if outcome == .failed {
                    logger.warning("\(source.id): discovery failed: \(report.reason ?? "")")
                } else {
                    logger.info("\(source.id): not published: \(report.reason ?? "")")
                }
                return FetchedSource(
                    definition: source,
                    record: SourceRecord(
                        id: source.id, url: listing, outcome: outcome, reason: report.reason, listingURL: listing),
                    transientFailure: report.transient)
            }
            logger.info("\(source.id): found \(chosen.url) (“\(chosen.title)”) on \(listing)")
            url = chosen.url
            listingURL = listing
            linkTitle = chosen.title
        }
        do throws(FetchError) {
            let result = try fetcher.fetch(url)
            let response = result.response
            let record = SourceRecord(
                id: source.id, url: url, finalURL: response.finalURL, outcome: Self.outcome(of: result.origin),
                httpStatus: response.status, sha256: SHA256Hex.digest(response.body), bytes: response.body.count,
                fetchedAt: Timestamp.string(response.fetchedAt), listingURL: listingURL, linkTitle: linkTitle)
            return FetchedSource(
                definition: source, record: record, body: response.body, contentType: response.contentType)
        } catch {
            var record = SourceRecord(
                id: source.id, url: url, outcome: .failed, reason: error.description, listingURL: listingURL,
                linkTitle: linkTitle)
            if case .status(let status) = error.reason { record.httpStatus = status }
            return FetchedSource(definition: source, record: record, transientFailure: error.isTransient)
        }
    }

    static func outcome(of origin: FetchResult.Origin) -> SourceRecord.Outcome {
        switch origin {
        case .network: .fetched
        case .notModified: .notModified
        case .replayed: .replayed
        }
    }
}
