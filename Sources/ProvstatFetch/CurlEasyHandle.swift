internal import CCurl
internal import CCurlShim
import Foundation

/// One libcurl easy handle and the transfer settings a worker reuses across requests.
///
/// Memory: owns the `CURL*` (freed in `deinit`); header lists and the body sink live for one
/// `get` and are freed before it returns. Threads: not thread-safe; one worker owns one handle
/// and uses it from its own thread. Reusing the handle keeps its connection cache (keep-alive).
public final class CurlEasyHandle {
    /// Settings that hold for every request made with the handle.
    public struct Options: Sendable {
        /// The User-Agent header (provstat, its version, the operator's contact).
        public var userAgent: String
        /// Seconds to establish the connection (TCP and TLS).
        public var connectTimeout: TimeInterval
        /// Seconds for the whole transfer, redirects included.
        public var totalTimeout: TimeInterval
        /// Redirects followed at most (only to http and https).
        public var maxRedirects: Int
        /// Largest body accepted, in bytes after decompression.
        public var maxBodyBytes: Int

        public init(
            userAgent: String = "provstat", connectTimeout: TimeInterval = 10, totalTimeout: TimeInterval = 60,
            maxRedirects: Int = 5, maxBodyBytes: Int = 20 << 20
        ) {
            self.userAgent = userAgent
            self.connectTimeout = connectTimeout
            self.totalTimeout = totalTimeout
            self.maxRedirects = maxRedirects
            self.maxBodyBytes = maxBodyBytes
        }
    }

    private let handle: UnsafeMutableRawPointer
    private let options: Options

    /// Creates a handle; `CurlGlobal.initialise()` runs first if it has not.
    public init(options: Options = Options()) {
        CurlGlobal.initialise()
        guard let handle = curl_easy_init() else { fatalError("curl_easy_init failed: out of memory") }
        self.handle = handle
        self.options = options
    }

    deinit { curl_easy_cleanup(handle) }

    /// Performs one GET of `url` with extra request headers; throws on transport errors and caps.
    ///
    /// `followRedirects: false` returns a 3xx as it is, so that the caller can vet the target
    /// (scheme, robots.txt) before following it; `allowFiles: false` refuses `file:` outright;
    /// `timeout` shortens the total timeout (a deadline close by), never lengthens it.
    public func get(
        _ url: String, headers: [String] = [], followRedirects: Bool = true, allowFiles: Bool = true,
        timeout: TimeInterval? = nil, shouldAbort: (@Sendable () -> Bool)? = nil
    ) throws(FetchError) -> FetchResponse {
        let transfer = try prepare(
            url, headers: headers, followRedirects: followRedirects, allowFiles: allowFiles, timeout: timeout)
        if let shouldAbort {
            // Asked about once a second and on every chunk: a stopped run ends its transfers at once.
            transfer.sink.shouldAbort = shouldAbort
            let sink = Unmanaged.passUnretained(transfer.sink).toOpaque()
            let failed = [
                provstat_curl_setopt_progress_callback(handle, curlTransferProgress),
                provstat_curl_setopt_pointer(handle, CURLOPT_XFERINFODATA, sink),
                provstat_curl_setopt_long(handle, CURLOPT_NOPROGRESS, 0),
            ].contains { $0 != CURLE_OK }
            if failed {
                throw FetchError(url: url, reason: .transport(code: -1, message: "libcurl rejected an option"))
            }
        }
        return try finish(transfer, code: curl_easy_perform(handle))
    }

    // MARK: - Prepare and finish (shared with the benchmark's multi interface)

    /// The raw `CURL*`, for the benchmark's multi handle to add and remove; owned by this object.
    package var rawHandle: UnsafeMutableRawPointer { handle }

    /// Sets the handle up for one GET of `url`; the returned transfer must stay alive until the
    /// transfer ends (it owns the header list and the body sink libcurl writes into).
    package func prepare(
        _ url: String, headers: [String], followRedirects: Bool = true, allowFiles: Bool = true,
        timeout: TimeInterval? = nil
    ) throws(FetchError) -> PreparedTransfer {
        // A timeout of 0 means "none" to libcurl: never hand it a zero or negative value.
        // Bounded above too, so that the conversion to milliseconds cannot overflow.
        let total = Self.bounded(min(options.totalTimeout, timeout ?? options.totalTimeout))
        let connect = Self.bounded(min(options.connectTimeout, total))
        curl_easy_reset(handle)  // keeps the connection cache, forgets the last request's options
        let transfer = PreparedTransfer(url: url, headers: headers, limit: options.maxBodyBytes)
        let sink = Unmanaged.passUnretained(transfer.sink).toOpaque()
        let setupFailed = [
            provstat_curl_setopt_string(handle, CURLOPT_URL, url),
            provstat_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            provstat_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, followRedirects ? 1 : 0),
            provstat_curl_setopt_long(handle, CURLOPT_MAXREDIRS, options.maxRedirects),
            provstat_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, allowFiles ? "http,https,file" : "http,https"),
            provstat_curl_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"),
            provstat_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1),
            provstat_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2),
            provstat_curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""),
            provstat_curl_setopt_string(handle, CURLOPT_USERAGENT, options.userAgent),
            provstat_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, max(1, Int(connect * 1000))),
            provstat_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, max(1, Int(total * 1000))),
            provstat_curl_setopt_off(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(options.maxBodyBytes)),
            provstat_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, transfer.headerList),
            provstat_curl_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, curlWriteBody),
            provstat_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, sink),
            provstat_curl_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION, curlWriteHeader),
            provstat_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, sink),
        ].contains { $0 != CURLE_OK }
        if setupFailed {
            throw FetchError(url: url, reason: .transport(code: -1, message: "libcurl rejected an option"))
        }
        return transfer
    }

    /// `finish(_:code:)` for a result code given as a `CURLcode`'s raw value (from a multi handle).
    package func finish(_ transfer: PreparedTransfer, resultCode: UInt32) throws(FetchError) -> FetchResponse {
        try finish(transfer, code: CURLcode(rawValue: resultCode))
    }

    /// Seconds kept within 1 ms … 1 day (NaN counts as the shortest).
    static func bounded(_ seconds: TimeInterval) -> TimeInterval {
        guard seconds.isFinite || seconds > 0 else { return 0.001 }
        return min(86_400, max(0.001, seconds))
    }

    /// Turns a finished transfer and libcurl's result code into a response or an error.
    func finish(_ transfer: PreparedTransfer, code: CURLcode) throws(FetchError) -> FetchResponse {
        let url = transfer.url
        let sink = transfer.sink
        if sink.overflowed || code == CURLE_FILESIZE_EXCEEDED {
            throw FetchError(url: url, reason: .tooLarge(limit: options.maxBodyBytes))
        }
        if code == CURLE_UNSUPPORTED_PROTOCOL {
            // Either the URL itself or a redirect (REDIR_PROTOCOLS_STR) named a refused scheme.
            // The refused hop's Location is among the headers of the last response received.
            if !url.hasPrefix("file:"), let target = sink.headers.last(where: { $0.name == "location" })?.value {
                throw FetchError(url: url, reason: .redirectRefused(target: target))
            }
            let scheme = url.split(separator: ":").first.map(String.init) ?? url
            throw FetchError(url: url, reason: .unsupportedScheme(scheme))
        }
        if code == CURLE_ABORTED_BY_CALLBACK {
            throw FetchError(url: url, reason: .deadline("the run was stopped"))
        }
        if code == CURLE_TOO_MANY_REDIRECTS {
            throw FetchError(url: url, reason: .tooManyRedirects(limit: options.maxRedirects))
        }
        guard code == CURLE_OK else {
            let message = String(cString: curl_easy_strerror(code))
            throw FetchError(url: url, reason: .transport(code: Int(code.rawValue), message: message))
        }

        var status = 0
        provstat_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var effective: UnsafePointer<CChar>? = nil
        provstat_curl_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &effective)
        let finalURL = effective.map { String(cString: $0) } ?? url
        if url.hasPrefix("file:") { status = 200 }
        return FetchResponse(
            url: url, finalURL: finalURL, status: status, headers: sink.headers, body: sink.body,
            fetchedAt: Date())
    }
}

/// One transfer's request headers and body sink, alive while libcurl may use them.
///
/// Memory: owns the `curl_slist` (freed in `deinit`) and the sink that the write callbacks
/// receive as an unretained pointer. Threads: used by the thread driving the transfer.
package final class PreparedTransfer {
    let url: String
    let sink: TransferSink
    let headerList: UnsafeMutablePointer<curl_slist>?

    init(url: String, headers: [String], limit: Int) {
        self.url = url
        self.sink = TransferSink(limit: limit)
        var list: UnsafeMutablePointer<curl_slist>? = nil
        for header in headers { list = curl_slist_append(list, header) }
        self.headerList = list
    }

    deinit { curl_slist_free_all(headerList) }
}

/// Collects a transfer's body and the headers of its last response.
final class TransferSink {
    let limit: Int
    var body = Data()
    var headers: [(name: String, value: String)] = []
    var overflowed = false
    /// Asked during the transfer; true aborts it.
    var shouldAbort: (@Sendable () -> Bool)?

    init(limit: Int) { self.limit = limit }

    func appendHeaderLine(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        // A status line starts a new response (after a redirect or a 100 Continue).
        if trimmed.hasPrefix("HTTP/") {
            headers.removeAll()
            return
        }
        guard let colon = trimmed.firstIndex(of: ":") else { return }
        let name = trimmed[..<colon].lowercased()
        let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        headers.append((name, value))
    }
}

private func curlWriteBody(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ user: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let user else { return 0 }
    let sink = Unmanaged<TransferSink>.fromOpaque(user).takeUnretainedValue()
    let length = size * count
    if sink.body.count + length > sink.limit {
        sink.overflowed = true
        return 0  // makes libcurl abort the transfer with CURLE_WRITE_ERROR
    }
    data.withMemoryRebound(to: UInt8.self, capacity: length) { sink.body.append($0, count: length) }
    return length
}

private func curlTransferProgress(
    _ user: UnsafeMutableRawPointer?, _ downloadTotal: curl_off_t, _ downloaded: curl_off_t,
    _ uploadTotal: curl_off_t, _ uploaded: curl_off_t
) -> Int32 {
    guard let user else { return 0 }
    let sink = Unmanaged<TransferSink>.fromOpaque(user).takeUnretainedValue()
    return sink.shouldAbort?() == true ? 1 : 0
}

private func curlWriteHeader(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ user: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let user else { return 0 }
    let sink = Unmanaged<TransferSink>.fromOpaque(user).takeUnretainedValue()
    let length = size * count
    let line = data.withMemoryRebound(to: UInt8.self, capacity: length) {
        String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
    }
    sink.appendHeaderLine(line)
    return length
}

// The `CURL*` and the transfer's buffers belong to the thread driving them.
@available(*, unavailable, message: "owns a CURL*: use it from the worker that made it")
extension CurlEasyHandle: Sendable {}

@available(*, unavailable, message: "libcurl writes into it during the transfer")
extension PreparedTransfer: Sendable {}
