import Foundation

/// Which URL schemes a source may lead to, decided by its definition URL.
///
/// A portal must never be able to point the job at the machine it runs on: `file:` is allowed
/// only for sources whose definition URL is itself a file (bundled pages, tests); a link found
/// on an http(s) page, and every redirect, may only lead to http or https.
public struct SchemePolicy: Sendable, Equatable {
    /// Whether `file:` URLs may be fetched.
    public let allowsFiles: Bool

    /// Only http and https.
    public static let web = SchemePolicy(allowsFiles: false)
    /// http, https and file: for a source defined by a `file:` URL.
    public static let local = SchemePolicy(allowsFiles: true)

    public init(allowsFiles: Bool) { self.allowsFiles = allowsFiles }

    /// The policy for a source whose definition URL (or listing URL) is `url`.
    public init(definitionURL url: String) {
        self.allowsFiles = Self.scheme(of: url) == "file"
    }

    /// The lower-cased scheme of `url`, or nil when it has none.
    public static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
        else { return nil }
        return scheme.lowercased()
    }

    /// Whether `url` may be fetched under this policy.
    public func allows(_ url: String) -> Bool {
        switch Self.scheme(of: url) {
        case "http", "https": true
        case "file": allowsFiles
        default: false
        }
    }

    /// The libcurl protocol list for a transfer under this policy (`CURLOPT_PROTOCOLS_STR`).
    var curlProtocols: String { allowsFiles ? "http,https,file" : "http,https" }
}
