import Foundation
import ProvstatCore
import ProvstatFetch
import ProvstatParse

/// The listing pages one run has read, shared by all its months: each page is fetched at most
/// once per run, and every month picks its link from that one reading.
///
/// A listing is a chain of pages (the first URL, then each page's "next" link). Pages are read
/// lazily, only as far as a month needs: until its link is found, until a page lists only
/// reports older than the oldest month asked for in this run (the range is passed), or until
/// `pages` or the chain runs out. A month published late and linked only further down is
/// still found, since reading goes on while the range is not passed.
///
/// Threads: safe from any thread; one chain is read by one worker at a time.
public final class ListingIndex: @unchecked Sendable {
    /// What identifies a listing: its first URL and how its links and pages are found.
    struct Key: Hashable {
        var url: String
        var links: String
        var next: String?
        var maxPages: Int
    }

    /// One link on a listing, with every title it was given (text, `title` attribute, repeats).
    struct Link {
        var url: String
        var titles: [String]
        var readings: [TitleReading]
        /// The listing page it was first seen on.
        var page: String
    }

    /// One listing page: the links first seen on it, in order.
    struct Page {
        var url: String
        var links: [Int]
    }

    /// The pages of one listing read so far. Used under its own lock only.
    final class Chain {
        let lock = NSLock()
        var pages: [Page] = []
        var links: [Link] = []
        var byURL: [String: Int] = [:]
        var nextURL: String?
        /// No further page: the chain ended, looped, hit `pages`, or a page failed.
        var ended = false
        var failure: (url: String, reason: String, transient: Bool)?

        init(first: String) { nextURL = first }
    }

    private let lock = NSLock()
    private var chains: [Key: Chain] = [:]
    private var oldest: Month?

    public init() {}

    /// The chain for `key`, made on first use.
    func chain(for key: Key) -> Chain {
        lock.withLock {
            if let chain = chains[key] { return chain }
            let chain = Chain(first: key.url)
            chains[key] = chain
            return chain
        }
    }

    /// Notes that `month` is asked for and returns the oldest month asked for so far in the run:
    /// reading stops once a page lists only reports older than it.
    func oldestAsked(including month: Month) -> Month {
        lock.withLock {
            let floor = min(oldest ?? month, month)
            oldest = floor
            return floor
        }
    }

    /// How many listing pages have been fetched (or failed) so far, over every listing.
    public var pagesRead: Int {
        let all = lock.withLock { Array(chains.values) }
        return all.reduce(0) { sum, chain in chain.lock.withLock { sum + chain.pages.count } }
    }
}

extension ListingIndex.Chain {
    /// Reads the next page of the chain, if there is one within `maxPages`.
    func readNext(
        maxPages: Int, rule: ListingRule, fetch: (String) throws(FetchError) -> FetchResponse
    ) {
        guard !ended, let url = nextURL, pages.count < maxPages, !pages.contains(where: { $0.url == url }) else {
            ended = true
            return
        }
        nextURL = nil
        let parser = PageParser()
        let response: FetchResponse
        do throws(FetchError) { response = try fetch(url) } catch {
            failure = (url, "listing page: \(error.description)", error.isTransient)
            ended = true
            return
        }
        let found: [ParsedPage.Link]
        do {
            found = try parser.links(
                data: response.body, source: url, contentType: response.contentType, xpath: rule.links)
        } catch {
            failure = (url, "listing page: \(error.description)", false)
            ended = true
            return
        }
        var page = ListingIndex.Page(url: url, links: [])
        for link in found {
            guard let target = SourceDiscovery.resolve(link.href, against: response.finalURL) else { continue }
            let titles = [link.text, link.title, link.heading].compactMap { $0 }.filter { !$0.isEmpty }
            if let known = byURL[target] {
                for title in titles where !links[known].titles.contains(title) {
                    links[known].titles.append(title)
                    links[known].readings.append(TitleReading(title))
                }
                continue
            }
            guard !titles.isEmpty else { continue }
            byURL[target] = links.count
            page.links.append(links.count)
            links.append(
                ListingIndex.Link(url: target, titles: titles, readings: titles.map(TitleReading.init), page: url))
        }
        pages.append(page)
        if let nextRule = rule.next,
            let next = try? parser.links(
                data: response.body, source: url, contentType: response.contentType, xpath: nextRule
            ).first,
            let nextURL = SourceDiscovery.resolve(next.href, against: response.finalURL)
        {
            self.nextURL = nextURL
        }
        if nextURL == nil || pages.count >= maxPages { ended = true }
    }
}
