import Foundation

/// The bytes of one fetched page and what the server said about them.
public struct FetchResponse: Sendable {
    /// The URL requested.
    public var url: String
    /// The URL after redirects.
    public var finalURL: String
    /// HTTP status (200 for `file://`).
    public var status: Int
    /// Response headers, names lower-cased, in order received (last response only).
    public var headers: [(name: String, value: String)]
    /// The body, decompressed.
    public var body: Data
    /// When the bytes were received.
    public var fetchedAt: Date

    public init(
        url: String, finalURL: String, status: Int, headers: [(name: String, value: String)], body: Data,
        fetchedAt: Date
    ) {
        self.url = url
        self.finalURL = finalURL
        self.status = status
        self.headers = headers
        self.body = body
        self.fetchedAt = fetchedAt
    }

    /// The last value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.last(where: { $0.name == lowered })?.value
    }

    /// The `Content-Type` header.
    public var contentType: String? { header("content-type") }
}
