import ProvstatCore

/// A source whose raw page or outcome differs between two snapshots (reported, not counted as
/// a difference by itself: values are what matter).
public struct SourceChange: Hashable, Sendable, Encodable {
    public var id: String
    public var oldDigest: String?
    public var newDigest: String?
    public var oldOutcome: SourceRecord.Outcome?
    public var newOutcome: SourceRecord.Outcome?

    public init(
        id: String, oldDigest: String?, newDigest: String?, oldOutcome: SourceRecord.Outcome?,
        newOutcome: SourceRecord.Outcome?
    ) {
        self.id = id
        self.oldDigest = oldDigest
        self.newDigest = newDigest
        self.oldOutcome = oldOutcome
        self.newOutcome = newOutcome
    }

    enum CodingKeys: String, CodingKey {
        case id
        case oldDigest = "old_sha256"
        case newDigest = "new_sha256"
        case oldOutcome = "old_outcome"
        case newOutcome = "new_outcome"
    }
}
