import Foundation

/// What happened to one source of a run, as the snapshot records it.
public struct SourceRecord: Codable, Hashable, Sendable {
    /// How fetching the source ended.
    public enum Outcome: String, Codable, Sendable {
        /// Fetched from the network (or a `file://` URL) and parsed.
        case fetched
        /// The server answered 304; the stored bytes were reused.
        case notModified = "not_modified"
        /// Replayed from the raw store with no network (`--offline`).
        case replayed
        /// Discovery found no page for the month.
        case notPublished = "not_published"
        /// Fetching or parsing failed; `reason` says why.
        case failed
    }

    /// The source's id in the pipeline definition.
    public var id: String
    /// The URL fetched (after discovery), or the listing URL when nothing was found.
    public var url: String
    /// The URL after redirects.
    public var finalURL: String?
    /// How it ended.
    public var outcome: Outcome
    /// Why it failed or was not published.
    public var reason: String?
    /// HTTP status, when HTTP was spoken.
    public var httpStatus: Int?
    /// SHA-256 of the raw bytes, lowercase hex.
    public var sha256: String?
    /// Size of the raw bytes.
    public var bytes: Int?
    /// When the bytes were fetched (ISO 8601, UTC).
    public var fetchedAt: String?
    /// How many facts the page gave.
    public var factCount: Int
    /// For a source found on a listing: the listing's first page (absent for a URL template).
    public var listingURL: String?
    /// For a source found on a listing: the title of the link chosen.
    public var linkTitle: String?

    public init(
        id: String, url: String, finalURL: String? = nil, outcome: Outcome, reason: String? = nil,
        httpStatus: Int? = nil, sha256: String? = nil, bytes: Int? = nil, fetchedAt: String? = nil,
        factCount: Int = 0, listingURL: String? = nil, linkTitle: String? = nil
    ) {
        self.id = id
        self.url = url
        self.finalURL = finalURL
        self.outcome = outcome
        self.reason = reason
        self.httpStatus = httpStatus
        self.sha256 = sha256
        self.bytes = bytes
        self.fetchedAt = fetchedAt
        self.factCount = factCount
        self.listingURL = listingURL
        self.linkTitle = linkTitle
    }

    /// Whether the source gave usable bytes.
    public var succeeded: Bool { outcome == .fetched || outcome == .notModified || outcome == .replayed }

    enum CodingKeys: String, CodingKey {
        case id, url, outcome, reason, sha256, bytes
        case finalURL = "final_url"
        case httpStatus = "http_status"
        case fetchedAt = "fetched_at"
        case factCount = "fact_count"
        case listingURL = "listing_url"
        case linkTitle = "link_title"
    }
}
