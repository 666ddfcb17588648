import Foundation

/// A first-in first-out queue with a capacity, joining two stages' workers.
///
/// `push` blocks while the queue is full, so a slow stage holds the ones before it back
/// instead of piling pages up in memory. `close` ends the stream: `pop` then drains what is
/// left and returns nil.
final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var head = 0
    private var closed = false
    let capacity: Int

    init(capacity: Int) {
        precondition(capacity > 0, "a bounded queue needs room for at least one item")
        self.capacity = capacity
    }

    /// Adds an item, waiting for room. Pushing to a closed queue is a programming error.
    func push(_ item: Element) {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity && !closed { condition.wait() }
        precondition(!closed, "push to a closed queue")
        items.append(item)
        condition.broadcast()
    }

    /// Takes the oldest item, waiting for one; nil once the queue is closed and empty.
    func pop() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed { condition.wait() }
        guard head < items.count else { return nil }
        let item = items[head]
        head += 1
        if head > 64 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return item
    }

    /// Ends the stream; waiting consumers wake and drain.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
