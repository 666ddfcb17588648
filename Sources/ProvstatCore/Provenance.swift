import Foundation

/// Where a figure came from: the page, when it was fetched, its bytes, and the sentence.
public struct Provenance: Codable, Hashable, Sendable {
    /// The source URL as configured (after discovery).
    public var url: String
    /// When the page's bytes were fetched (ISO 8601, UTC).
    public var fetchedAt: String
    /// SHA-256 of the raw bytes, lowercase hex.
    public var sha256: String
    /// The sentence or table row the figure stands in.
    public var sentence: String
    /// The figure as written.
    public var raw: String

    public init(url: String, fetchedAt: String, sha256: String, sentence: String, raw: String) {
        self.url = url
        self.fetchedAt = fetchedAt
        self.sha256 = sha256
        self.sentence = sentence
        self.raw = raw
    }

    enum CodingKeys: String, CodingKey {
        case url, sha256, sentence, raw
        case fetchedAt = "fetched_at"
    }
}
