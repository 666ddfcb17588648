import Foundation
import ProvstatCore
import ProvstatParse

/// A source after fetching: its record so far and, when it succeeded, its bytes.
struct FetchedSource: Sendable {
    var definition: SourceDefinition
    var record: SourceRecord
    var body: Data?
    var contentType: String?
    /// Whether the failure may pass if retried later (network down, server overloaded).
    var transientFailure = false
}

/// A source after parsing and extraction.
struct ReadSource: Sendable {
    var record: SourceRecord
    var facts: [Fact]
    var transientFailure = false
}
