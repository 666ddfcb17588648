import Foundation
import ProvstatCore
import ProvstatReconcile

/// A pipeline: a province's sources, the indicators read from them and the year's plan targets.
public struct PipelineDefinition: Sendable {
    /// The pipeline's name (the snapshot folder), from `pipeline:` or the file name.
    public var name: String
    /// A human title.
    public var title: String?
    /// Contact put in the User-Agent so that portal operators can reach the operator.
    public var contact: String?
    /// The sources to fetch each month.
    public var sources: [SourceDefinition]
    /// The indicators to report.
    public var indicators: [IndicatorDefinition]
    /// Plan targets by indicator and year.
    public var targets: [PlanTarget]
    /// How politely to fetch.
    public var fetch: FetchSettings
    /// Settings of the reconciliation checks.
    public var reconcile: ReconcileSettings
    /// The file it was read from.
    public var file: URL
    /// SHA-256 of the file's bytes, lowercase hex.
    public var digest: String

    public init(
        name: String, title: String? = nil, contact: String? = nil, sources: [SourceDefinition],
        indicators: [IndicatorDefinition] = [], targets: [PlanTarget] = [], fetch: FetchSettings = FetchSettings(),
        reconcile: ReconcileSettings = ReconcileSettings(), file: URL, digest: String
    ) {
        self.name = name
        self.title = title
        self.contact = contact
        self.sources = sources
        self.indicators = indicators
        self.targets = targets
        self.fetch = fetch
        self.reconcile = reconcile
        self.file = file
        self.digest = digest
    }
}

/// One source of a pipeline: where its monthly page is, and which part of it to read.
public struct SourceDefinition: Sendable {
    /// How the month's page is found.
    public enum Location: Sendable {
        /// A URL with `{year}`, `{month}`, `{month2}` placeholders.
        case template(String)
        /// A listing page whose links are searched for the month.
        case listing(ListingRule)
    }

    public var id: String
    public var location: Location
    /// XPath selecting the article body; detected when absent.
    public var xpath: String?
    /// Whether the source reports quarterly (then discovery looks for the quarter).
    public var quarterly: Bool

    public init(id: String, location: Location, xpath: String? = nil, quarterly: Bool = false) {
        self.id = id
        self.location = location
        self.xpath = xpath
        self.quarterly = quarterly
    }
}

/// How to find a month's report on a listing page.
public struct ListingRule: Sendable {
    /// The listing page's URL (placeholders allowed).
    public var url: String
    /// XPath selecting candidate links.
    public var links: String
    /// Words a matching link's title must contain besides the month (e.g. `tình hình kinh tế`).
    public var titleContains: [String]
    /// XPath of the "next page" link, for paginated listings.
    public var next: String?
    /// How many listing pages to follow at most.
    public var maxPages: Int

    public init(url: String, links: String, titleContains: [String] = [], next: String? = nil, maxPages: Int = 3) {
        self.url = url
        self.links = links
        self.titleContains = titleContains
        self.next = next
        self.maxPages = maxPages
    }
}

/// Politeness and robustness settings for fetching one pipeline's sources.
public struct FetchSettings: Sendable {
    /// Requests in flight to one host at once.
    public var perHostConcurrency = 2
    /// Minimum seconds between the starts of two requests to one host.
    public var perHostDelay: Double = 1.0
    /// Requests in flight overall.
    public var globalConcurrency = 8
    /// Attempts per URL, the first included.
    public var attempts = 4
    /// Seconds to connect.
    public var connectTimeout: Double = 10
    /// Seconds for a whole transfer.
    public var totalTimeout: Double = 60
    /// Largest body accepted, in bytes.
    public var maxBodyBytes = 20 << 20
    /// Whether robots.txt is obeyed.
    public var obeyRobots = true
    /// Seconds of the first retry backoff (doubling, with jitter).
    public var backoff: Double = 1
    /// Longest retry backoff, in seconds.
    public var maxBackoff: Double = 30
    /// Longest wait a server's Retry-After may impose, in seconds.
    public var retryAfterCap: Double = 120

    public init() {}
}
