import ProvstatCore

/// A fact together with the page it came from, as reconciliation needs it.
public struct SourcedFact: Sendable {
    public var fact: Fact
    /// The source's URL (after discovery).
    public var url: String
    /// When the page was fetched (ISO 8601).
    public var fetchedAt: String
    /// SHA-256 of the page's raw bytes.
    public var sha256: String

    public init(fact: Fact, url: String, fetchedAt: String, sha256: String) {
        self.fact = fact
        self.url = url
        self.fetchedAt = fetchedAt
        self.sha256 = sha256
    }

    /// The provenance the snapshot records for this fact.
    public var provenance: Provenance {
        Provenance(url: url, fetchedAt: fetchedAt, sha256: sha256, sentence: fact.sentence, raw: fact.raw)
    }
}
