import Dispatch
import Foundation

/// Runs `count` independent jobs on every core and returns their results in job order (reading
/// snapshots, rendering pages and writing files do not depend on each other).
enum ConcurrentSlots {
    static func map<T: Sendable>(_ count: Int, _ job: @Sendable (Int) -> T) -> [T] {
        let slots = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in slots.set(index, job(index)) }
        return slots.values
    }

    /// One result per job, behind a lock.
    private final class Slots<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [T?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: T) { lock.withLock { slots[index] = value } }

        var values: [T] { lock.withLock { slots.map { $0! } } }
    }
}
