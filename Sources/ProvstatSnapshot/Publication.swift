import Foundation

/// What publishing a run's snapshot did.
public struct Publication: Sendable {
    /// Whether a new version was written.
    public enum Outcome: String, Sendable, Codable {
        /// A new version was written.
        case written
        /// The content equals a stored version; nothing was written.
        case unchanged
    }

    public var outcome: Outcome
    /// The version written, or the stored version the content equals.
    public var version: Int
    /// Its file.
    public var url: URL
    /// The snapshot as stored (with `supersedes` set).
    public var snapshot: Snapshot
    /// Whether `latest` names this version.
    public var isLatest: Bool

    public init(outcome: Outcome, version: Int, url: URL, snapshot: Snapshot, isLatest: Bool) {
        self.outcome = outcome
        self.version = version
        self.url = url
        self.snapshot = snapshot
        self.isLatest = isLatest
    }
}
