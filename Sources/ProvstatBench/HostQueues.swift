import ProvstatFetch

/// Pending URLs by host, handed out round-robin to whichever host may start.
///
/// Threads: only touched inside the coordinator's lock (through `pick`), so it needs no lock.
final class HostQueues: @unchecked Sendable {
    private var pending: [String: [Int]] = [:]
    private var order: [String] = []
    private var cursor = 0
    private var remaining: Int

    init(_ urls: [String]) {
        for (index, url) in urls.enumerated() {
            let host = HostCoordinator.hostKey(of: url)
            if pending[host] == nil { order.append(host) }
            pending[host, default: []].append(index)
        }
        for host in order { pending[host]!.reverse() }  // pop from the end, in URL order
        remaining = urls.count
    }

    var isEmpty: Bool { remaining == 0 }

    /// The next URL index whose host may start, trying hosts from where the last pick stopped.
    func pick(_ mayStart: (String) -> Bool) -> HostCoordinator.Pick<Int> {
        guard remaining > 0 else { return .done }
        for step in 0..<order.count {
            let host = order[(cursor + step) % order.count]
            guard pending[host]?.isEmpty == false, mayStart(host) else { continue }
            cursor = (cursor + step + 1) % order.count
            remaining -= 1
            return .take(host: host, pending[host]!.removeLast())
        }
        return .wait
    }
}
