import ProvstatCore

/// A source after parsing and extraction.
struct ReadSource: Sendable {
    var record: SourceRecord
    var facts: [Fact]
    var transientFailure = false
}
