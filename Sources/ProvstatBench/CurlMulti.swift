internal import CCurl
import ProvstatFetch

/// One libcurl multi handle driving several easy handles' transfers on one thread.
///
/// Memory: owns the `CURLM*` (freed in `deinit`); the easy handles added stay owned by their
/// `CurlEasyHandle` and must be removed before either is freed. Threads: one thread at a time.
final class CurlMulti {
    private let multi: UnsafeMutableRawPointer

    init() {
        CurlGlobal.initialise()
        guard let multi = curl_multi_init() else { fatalError("curl_multi_init failed: out of memory") }
        self.multi = multi
    }

    deinit { curl_multi_cleanup(multi) }

    func add(_ easy: CurlEasyHandle) { curl_multi_add_handle(multi, easy.rawHandle) }

    func remove(_ easy: CurlEasyHandle) { curl_multi_remove_handle(multi, easy.rawHandle) }

    /// Moves every transfer along as far as it can without blocking.
    func perform() {
        var running: Int32 = 0
        curl_multi_perform(multi, &running)
    }

    /// Waits for activity on any transfer, at most `milliseconds`.
    func poll(milliseconds: Int) {
        var ready: Int32 = 0
        curl_multi_poll(multi, nil, 0, Int32(milliseconds), &ready)
    }

    /// The transfers that have finished since the last call: raw easy handle and libcurl's result
    /// code (a `CURLcode`'s raw value).
    func completed() -> [(handle: UnsafeMutableRawPointer, code: UInt32)] {
        var done: [(UnsafeMutableRawPointer, UInt32)] = []
        var left: Int32 = 0
        while let message = curl_multi_info_read(multi, &left) {
            if message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle {
                done.append((easy, message.pointee.data.result.rawValue))
            }
        }
        return done
    }
}

@available(*, unavailable, message: "owns a CURLM*: use it from one thread")
extension CurlMulti: Sendable {}
