import Foundation
import ProvstatFetch

/// One result slot per URL, filled by several threads.
final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<FetchResponse, FetchError>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Result<FetchResponse, FetchError>? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    var all: [Result<FetchResponse, FetchError>] { lock.withLock { slots.map { $0! } } }
}
