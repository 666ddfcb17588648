import Foundation

/// What the raw store keeps about the last fetch of one URL: enough to replay it and to ask
/// the server "has it changed?" next time.
public struct StoredPage: Codable, Sendable, Equatable {
    /// The URL requested.
    public var url: String
    /// The URL after redirects.
    public var finalURL: String
    /// The HTTP status of the stored body (200 for `file://`).
    public var status: Int
    /// Response headers, names lower-cased, as `[name, value]` pairs.
    public var headers: [[String]]
    /// When the bytes were fetched (ISO 8601, UTC).
    public var fetchedAt: Date
    /// When the server last confirmed them (a 304); equals `fetchedAt` until then.
    public var checkedAt: Date
    /// SHA-256 of the body, lowercase hex: the blob's name.
    public var sha256: String
    /// The body's size in bytes.
    public var bytes: Int

    /// The last value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.last(where: { $0.first == lowered })?.last
    }

    /// The validator for `If-None-Match`.
    public var etag: String? { header("etag") }
    /// The validator for `If-Modified-Since`.
    public var lastModified: String? { header("last-modified") }

    /// The request headers that make the next fetch conditional.
    public var conditionalHeaders: [String] {
        var lines: [String] = []
        if let etag { lines.append("If-None-Match: \(etag)") }
        if let lastModified { lines.append("If-Modified-Since: \(lastModified)") }
        return lines
    }

    /// The stored page as a response carrying `body`.
    public func response(body: Data) -> FetchResponse {
        FetchResponse(
            url: url, finalURL: finalURL, status: status, headers: headers.map { ($0.first ?? "", $0.last ?? "") },
            body: body, fetchedAt: fetchedAt)
    }

    enum CodingKeys: String, CodingKey {
        case url, status, headers, sha256, bytes
        case finalURL = "final_url"
        case fetchedAt = "fetched_at"
        case checkedAt = "checked_at"
    }
}
