internal import CCurl

/// libcurl's process-wide initialisation, done once before any worker starts.
public enum CurlGlobal {
    private static let initialised: Bool = {
        curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLcode(rawValue: 0)
    }()

    /// Runs `curl_global_init` the first time it is called; later calls do nothing.
    @discardableResult
    public static func initialise() -> Bool { initialised }

    /// The libcurl version string, e.g. `libcurl/7.88.1 OpenSSL/3.0.15 zlib/1.2.13`.
    public static var version: String {
        initialise()
        return String(cString: curl_version())
    }
}
