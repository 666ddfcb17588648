import ProvstatCore

/// A source after parsing and extraction.
struct ReadSource: Sendable {
    var record: SourceRecord
    var facts: [Fact]
    var transientFailure = false
    /// Text blocks the page gave (0: read, but no text at all).
    var blocks = 0
}
