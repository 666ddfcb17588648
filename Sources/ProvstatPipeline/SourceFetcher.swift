import Foundation
import ProvstatCore
import ProvstatFetch
import ProvstatParse

/// One fetch worker's view of the network: finds a source's page for the month and fetches it.
///
/// Owns one curl handle; not shared between threads.
final class SourceFetcher {
    private let handle: CurlEasyHandle
    private let month: Month

    init(settings: FetchSettings, userAgent: String, month: Month) {
        self.handle = CurlEasyHandle(
            options: .init(
                userAgent: userAgent, connectTimeout: settings.connectTimeout, totalTimeout: settings.totalTimeout,
                maxRedirects: 5, maxBodyBytes: settings.maxBodyBytes))
        self.month = month
    }

    func fetch(_ source: SourceDefinition) -> FetchedSource {
        let url: String
        switch source.location {
        case .template(let template):
            url = MonthTemplate.fill(template, month: month)
        case .listing(let rule):
            switch discover(rule, quarterly: source.quarterly) {
            case .found(let found):
                url = found
            case .notFound(let listingURL, let reason):
                return FetchedSource(
                    definition: source,
                    record: SourceRecord(id: source.id, url: listingURL, outcome: .notPublished, reason: reason))
            case .failed(let listingURL, let reason):
                return FetchedSource(
                    definition: source,
                    record: SourceRecord(id: source.id, url: listingURL, outcome: .failed, reason: reason))
            }
        }
        do throws(FetchError) {
            let response = try handle.get(url)
            guard (200..<300).contains(response.status) else {
                throw FetchError(url: url, reason: .status(response.status))
            }
            let digest = Digest.sha256(response.body)
            let record = SourceRecord(
                id: source.id, url: url, finalURL: response.finalURL, outcome: .fetched, httpStatus: response.status,
                sha256: digest, bytes: response.body.count, fetchedAt: Timestamp.string(response.fetchedAt))
            return FetchedSource(definition: source, record: record, body: response.body, contentType: response.contentType)
        } catch {
            return FetchedSource(
                definition: source,
                record: SourceRecord(id: source.id, url: url, outcome: .failed, reason: error.description))
        }
    }

    private enum Discovery {
        case found(String)
        case notFound(listingURL: String, reason: String)
        case failed(listingURL: String, reason: String)
    }

    /// Walks the listing pages for a link whose title names the month.
    private func discover(_ rule: ListingRule, quarterly: Bool) -> Discovery {
        let matcher = MonthTitleMatcher(month: month, quarterly: quarterly)
        var pageURL = MonthTemplate.fill(rule.url, month: month)
        let firstURL = pageURL
        for _ in 0..<rule.maxPages {
            let response: FetchResponse
            do { response = try handle.get(pageURL) } catch {
                return .failed(listingURL: pageURL, reason: "listing page: \(error.description)")
            }
            let parser = PageParser()
            let links: [ParsedPage.Link]
            do {
                links = try parser.links(data: response.body, source: pageURL, contentType: response.contentType, xpath: rule.links)
            } catch {
                return .failed(listingURL: pageURL, reason: "listing page: \(error.description)")
            }
            let wanted = rule.titleContains.map { $0.precomposedStringWithCanonicalMapping.lowercased() }
            if let link = links.first(where: { link in
                matcher.matches(link.text) && wanted.allSatisfy { link.text.lowercased().contains($0) }
            }), let resolved = URL(string: link.href, relativeTo: URL(string: response.finalURL)) {
                return .found(resolved.absoluteString)
            }
            guard let nextRule = rule.next,
                let next = try? parser.links(data: response.body, source: pageURL, contentType: response.contentType, xpath: nextRule).first,
                let nextURL = URL(string: next.href, relativeTo: URL(string: response.finalURL))?.absoluteString,
                nextURL != pageURL
            else { break }
            pageURL = nextURL
        }
        return .notFound(listingURL: firstURL, reason: "no link for \(month) on the listing (not yet published?)")
    }
}
