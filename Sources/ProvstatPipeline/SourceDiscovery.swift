import Foundation
import ProvstatCore
import ProvstatFetch
import ProvstatParse

/// Finds a month's report on a source's listing pages: reads the links an XPath selects, takes
/// the first whose title names the month (and any required words), and follows the "next page"
/// link up to the rule's page limit.
///
/// It fetches through a closure, so the same walk runs online, conditionally or from the raw store.
struct SourceDiscovery {
    /// How a walk ended.
    enum Outcome: Equatable {
        /// The report's URL, and the listing page it was found on.
        case found(url: String, listing: String)
        /// No link names the month: not published yet (or the rule needs care).
        case notPublished(listing: String, reason: String)
        /// A listing page could not be fetched or read.
        /// `transient` when the listing's failure may pass (a timeout, a refused connection, a 503).
        case failed(listing: String, reason: String, transient: Bool)
    }

    let rule: ListingRule
    let month: Month
    let quarterly: Bool

    /// Walks the listing, fetching each page with `fetch`.
    func run(fetch: (String) throws(FetchError) -> FetchResponse) -> Outcome {
        let matcher = MonthTitleMatcher(month: month, quarterly: quarterly)
        let wanted = rule.titleContains.map { $0.precomposedStringWithCanonicalMapping.lowercased() }
        let parser = PageParser()
        let firstURL = MonthTemplate.fill(rule.url, month: month)
        var pageURL = firstURL
        var visited: Set<String> = []
        while visited.count < rule.maxPages, visited.insert(pageURL).inserted {
            let response: FetchResponse
            do throws(FetchError) { response = try fetch(pageURL) } catch {
                return .failed(
                    listing: pageURL, reason: "listing page: \(error.description)", transient: error.isTransient)
            }
            let links: [ParsedPage.Link]
            do {
                links = try parser.links(
                    data: response.body, source: pageURL, contentType: response.contentType, xpath: rule.links)
            } catch {
                return .failed(listing: pageURL, reason: "listing page: \(error.description)", transient: false)
            }
            for link in links {
                let title = link.text.lowercased()
                guard matcher.matches(title), wanted.allSatisfy({ title.contains($0) }),
                    let target = Self.resolve(link.href, against: response.finalURL)
                else { continue }
                return .found(url: target, listing: pageURL)
            }
            guard let nextRule = rule.next,
                let next = try? parser.links(
                    data: response.body, source: pageURL, contentType: response.contentType, xpath: nextRule
                ).first,
                let nextURL = Self.resolve(next.href, against: response.finalURL)
            else { break }
            pageURL = nextURL
        }
        let pages = visited.count == 1 ? "1 listing page" : "\(visited.count) listing pages"
        let what = quarterly ? "quarter \(month.quarter)/\(month.year)" : "\(month.month)/\(month.year)"
        return .notPublished(
            listing: firstURL,
            reason:
                "no link for \(what) on \(pages) from \(firstURL) (not yet published, or check listing.links/title_contains)"
        )
    }

    /// An absolute http(s) or file URL for `href` on a page at `base`; nil for fragments,
    /// `javascript:`, `mailto:` and the like.
    static func resolve(_ href: String, against base: String) -> String? {
        let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#"),
            let url = URL(string: trimmed, relativeTo: URL(string: base))?.absoluteURL,
            let scheme = url.scheme?.lowercased(), ["http", "https", "file"].contains(scheme)
        else { return nil }
        return url.absoluteString
    }
}
