import ProvstatCore

/// What discovery decided for one source and month: the link chosen and the candidates
/// turned down, with why. `provstat discover` prints it; a run records the choice.
public struct DiscoveryReport: Sendable, Equatable, Codable {
    /// How discovery ended.
    public enum Status: String, Sendable, Codable {
        /// A link on the listing was chosen.
        case found
        /// No link on the listing pages read is the month's report.
        case notPublished = "not_published"
        /// A listing page needed could not be fetched or read.
        case failed
        /// The source is a URL template: its address is known without a listing.
        case template
    }

    /// A link considered for the month.
    public struct Candidate: Sendable, Equatable, Codable {
        /// The link's absolute URL.
        public var url: String
        /// Its title as the listing writes it.
        public var title: String
        /// The listing page it was found on.
        public var page: String
        /// How well it fits (chosen and outranked links).
        public var score: Int?
        /// Why it was not chosen (rejected links).
        public var reason: String?

        public init(url: String, title: String, page: String, score: Int? = nil, reason: String? = nil) {
            self.url = url
            self.title = title
            self.page = page
            self.score = score
            self.reason = reason
        }
    }

    /// The source's id.
    public var source: String
    /// The month looked for.
    public var month: Month
    public var status: Status
    /// The listing's first page (nil for a template).
    public var listing: String?
    /// The link chosen.
    public var chosen: Candidate?
    /// The address a URL template gives, for a template source.
    public var address: String?
    /// Links that name the month's period but were turned down, best first.
    public var rejected: [Candidate]
    /// Why nothing was chosen (not published or failed).
    public var reason: String?
    /// Listing pages consulted for this month (read now or earlier in the run).
    public var pagesRead: Int
    /// Whether a failure may pass if retried later.
    public var transient: Bool

    public init(
        source: String, month: Month, status: Status, listing: String? = nil, chosen: Candidate? = nil,
        rejected: [Candidate] = [], reason: String? = nil, pagesRead: Int = 0, transient: Bool = false,
        address: String? = nil
    ) {
        self.source = source
        self.month = month
        self.status = status
        self.listing = listing
        self.chosen = chosen
        self.rejected = rejected
        self.reason = reason
        self.pagesRead = pagesRead
        self.transient = transient
        self.address = address
    }

    enum CodingKeys: String, CodingKey {
        case source, month, status, listing, chosen, address, rejected, reason, transient
        case pagesRead = "pages_read"
    }
}
