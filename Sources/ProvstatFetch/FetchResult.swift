/// A page's bytes and where they came from.
public struct FetchResult: Sendable {
    /// Where the bytes came from.
    public enum Origin: String, Sendable {
        /// The network (or a `file://` URL).
        case network
        /// The raw store, after the server answered 304 Not Modified.
        case notModified = "not_modified"
        /// The raw store alone (`--offline`).
        case replayed
    }

    /// The response (for `.notModified` and `.replayed`, the stored one).
    public var response: FetchResponse
    public var origin: Origin
    /// Network attempts made (0 when replayed).
    public var attempts: Int

    public init(response: FetchResponse, origin: Origin, attempts: Int) {
        self.response = response
        self.origin = origin
        self.attempts = attempts
    }
}
