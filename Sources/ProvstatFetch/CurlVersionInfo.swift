internal import CCurl

/// What the linked libcurl can do, for `provstat doctor`.
public struct CurlVersionInfo: Sendable {
    /// libcurl's version, e.g. `7.88.1`.
    public var version: String
    /// The TLS library, e.g. `OpenSSL/3.0.15`; nil when built without TLS.
    public var tls: String?
    /// Protocols the build speaks (`http`, `https`, `file`, …).
    public var protocols: [String]
    /// Whether transfers can be compressed (libz).
    public var compression: Bool

    /// Reads `curl_version_info` of the library linked at run time.
    public static func current() -> CurlVersionInfo {
        CurlGlobal.initialise()
        // CURLVERSION_NOW is a macro Swift cannot import; it names CURLVERSION_ELEVENTH in the
        // headers we build against (libcurl 7.77+), the struct layout read below.
        guard let data = curl_version_info(CURLVERSION_ELEVENTH) else {
            return CurlVersionInfo(version: "unknown", tls: nil, protocols: [], compression: false)
        }
        let info = data.pointee
        var protocols: [String] = []
        if var cursor = info.protocols {
            while let name = cursor.pointee {
                protocols.append(String(cString: name))
                cursor += 1
            }
        }
        let features = Int(info.features)
        return CurlVersionInfo(
            version: String(cString: info.version),
            tls: features & Int(CURL_VERSION_SSL) != 0 ? info.ssl_version.map { String(cString: $0) } : nil,
            protocols: protocols, compression: features & Int(CURL_VERSION_LIBZ) != 0)
    }
}
