import Foundation
import ProvstatCore

/// A source after fetching: its record so far and, when it succeeded, its bytes.
struct FetchedSource: Sendable {
    var definition: SourceDefinition
    var record: SourceRecord
    var body: Data?
    var contentType: String?
    /// Whether the failure may pass if retried later (network down, server overloaded).
    var transientFailure = false
}
