import Foundation
import ProvstatCore
import ProvstatFetch

/// Finds a month's report on a source's listing: reads the listing's pages (through the run's
/// `ListingIndex`, so each is fetched once per run), judges every link's title with
/// `MonthTitleMatcher`, and chooses the best fit; the other candidates are kept with why.
///
/// It fetches through a closure, so the same walk runs online, conditionally or from the raw store.
struct SourceDiscovery {
    let id: String
    let rule: ListingRule
    let month: Month
    let quarterly: Bool

    init(id: String = "listing", rule: ListingRule, month: Month, quarterly: Bool) {
        self.id = id
        self.rule = rule
        self.month = month
        self.quarterly = quarterly
    }

    /// Reads as much of the listing as the month needs and decides.
    func run(index: ListingIndex = ListingIndex(), fetch: (String) throws(FetchError) -> FetchResponse)
        -> DiscoveryReport
    {
        let first = MonthTemplate.fill(rule.url, month: month)
        let key = ListingIndex.Key(
            url: first, links: rule.links, next: rule.next, maxPages: rule.maxPages)
        let chain = index.chain(for: key)
        let floor = index.oldestAsked(including: month)
        let matcher = MonthTitleMatcher(month: month, quarterly: quarterly, words: rule.words)
        return chain.lock.withLock {
            while !chain.pages.contains(where: { namesTheMonth($0, chain, matcher) }),
                !chain.pages.contains(where: { passes($0, chain, floor: floor) }), !chain.ended
            {
                chain.readNext(maxPages: rule.maxPages, rule: rule, fetch: fetch)
            }
            return decide(chain, matcher: matcher, first: first)
        }
    }

    /// Whether `page` has a link naming the month outright (no need to read further for it).
    private func namesTheMonth(_ page: ListingIndex.Page, _ chain: ListingIndex.Chain, _ matcher: MonthTitleMatcher)
        -> Bool
    {
        page.links.contains { index in
            chain.links[index].readings.contains {
                if case .fits(let score) = matcher.judge($0) { score >= MonthTitleMatcher.namedScore } else { false }
            }
        }
    }

    /// Whether every report first listed on `page` is older than `floor`: the range is passed.
    private func passes(_ page: ListingIndex.Page, _ chain: ListingIndex.Chain, floor: Month) -> Bool {
        let dated = page.links.compactMap { index in
            chain.links[index].readings.compactMap { reportMonth($0) }.max()
        }
        return !dated.isEmpty && dated.allSatisfy { $0 < floor }
    }

    /// The month a title is a report for, whatever month is looked for: nil for decoys, titles
    /// without the definition's words or a year.
    private func reportMonth(_ reading: TitleReading) -> Month? {
        guard reading.decoy == nil, !reading.onlyPeriod, rule.words.missing(in: reading).isEmpty else { return nil }
        return reading.reportPeriods.compactMap { period in
            period.year.flatMap { year in period.endMonth.flatMap { Month(year: year, month: $0) } }
        }.max()
    }

    /// Chooses among every link read so far.
    private func decide(_ chain: ListingIndex.Chain, matcher: MonthTitleMatcher, first: String) -> DiscoveryReport {
        var fits: [(candidate: DiscoveryReport.Candidate, score: Int)] = []
        var rejected: [DiscoveryReport.Candidate] = []
        for page in chain.pages {
            for index in page.links {
                let link = chain.links[index]
                let verdicts = link.readings.map { matcher.judge($0) }
                guard let best = verdicts.indices.max(by: { verdicts[$0].rank < verdicts[$1].rank }) else { continue }
                switch verdicts[best] {
                case .unrelated:
                    continue
                case .rejected(let reason):
                    rejected.append(.init(url: link.url, title: link.titles[best], page: link.page, reason: reason))
                case .fits(let score):
                    fits.append((.init(url: link.url, title: link.titles[best], page: link.page, score: score), score))
                }
            }
        }
        // The best score wins; among equals, the one listed first (the newest, on most portals).
        let ranked = fits.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }
            .map(\.element)
        let outranked = ranked.dropFirst().map { entry in
            var candidate = entry.candidate
            candidate.reason = "outranked by the chosen link (score \(entry.score) against \(ranked[0].score))"
            return candidate
        }
        var report = DiscoveryReport(
            source: id, month: month, status: .found, listing: first, chosen: ranked.first?.candidate,
            rejected: outranked + rejected, pagesRead: chain.pages.count)
        if report.chosen != nil { return report }
        if let failure = chain.failure {
            report.status = .failed
            report.reason = failure.reason
            report.transient = failure.transient
            return report
        }
        let pages = chain.pages.count == 1 ? "1 listing page" : "\(chain.pages.count) listing pages"
        let what = quarterly ? "quarter \(month.quarter)/\(month.year)" : "\(month.month)/\(month.year)"
        let turnedDown =
            rejected.isEmpty
            ? "" : "; \(rejected.count) link\(rejected.count == 1 ? "" : "s") turned down (see provstat discover)"
        report.status = .notPublished
        report.reason =
            "no link for \(what) on \(pages) from \(first) (not yet published, or check listing.links/title_contains)"
            + turnedDown
        return report
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
