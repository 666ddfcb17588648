/// A read-only map from `WordKey`s to values, open-addressed: the keys are already hashes, so a
/// lookup is a mask and a compare or two instead of hashing the key again (as `Dictionary` and
/// `Set` do, with SipHash) — the lexicon is consulted several times per token.
///
/// The slots live in one object that the table points into: a copy of a table (and of a
/// `WordSet` or `PhraseTable` made of tables) retains that one object, not three arrays.
struct KeyTable<Value: Sendable>: @unchecked Sendable {
    // Unchecked: the pointers are into `storage`, which the table keeps alive and never changes.
    private let storage: Storage
    private let keys: UnsafePointer<UInt64>
    /// Index into the values for each slot of `keys`, or -1 for an empty slot.
    private let slots: UnsafePointer<Int32>
    private let mask: Int

    /// The slots and values, written once when the table is made.
    private final class Storage: @unchecked Sendable {
        let keys: UnsafeMutablePointer<UInt64>
        let slots: UnsafeMutablePointer<Int32>
        let values: [Value]

        init(size: Int, values: [Value]) {
            keys = .allocate(capacity: size)
            keys.initialize(repeating: 0, count: size)
            slots = .allocate(capacity: size)
            slots.initialize(repeating: -1, count: size)
            self.values = values
        }

        deinit {
            keys.deallocate()
            slots.deallocate()
        }
    }

    /// A table of `pairs`; a later pair with the same key replaces an earlier one.
    init<S: Sequence>(_ pairs: S) where S.Element == (UInt64, Value) {
        var values: [Value] = []
        var keyed: [(UInt64, Int)] = []
        for (key, value) in pairs {
            keyed.append((key, values.count))
            values.append(value)
        }
        var size = 8
        while size < keyed.count * 4 { size <<= 1 }
        let storage = Storage(size: size, values: values)
        for (key, index) in keyed {
            var slot = Self.start(key, mask: size - 1)
            while storage.slots[slot] >= 0, storage.keys[slot] != key { slot = (slot + 1) & (size - 1) }
            storage.keys[slot] = key
            storage.slots[slot] = Int32(index)
        }
        self.storage = storage
        self.keys = UnsafePointer(storage.keys)
        self.slots = UnsafePointer(storage.slots)
        self.mask = size - 1
    }

    /// The value stored for `key`, if any.
    @inline(__always)
    subscript(key: UInt64) -> Value? {
        guard let index = index(of: key) else { return nil }
        return storage.values[index]
    }

    /// Whether `key` is in the table.
    @inline(__always)
    func contains(_ key: UInt64) -> Bool { index(of: key) != nil }

    @inline(__always)
    private func index(of key: UInt64) -> Int? {
        // The slots are read through pointers into `storage`: it must outlive the reading.
        withExtendedLifetime(storage) {
            var slot = Self.start(key, mask: mask)
            while true {
                let index = slots[slot]
                if index < 0 { return nil }
                if keys[slot] == key { return Int(index) }
                slot = (slot + 1) & mask
            }
        }
    }

    @inline(__always)
    private static func start(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: key ^ (key >> 32)) & mask
    }
}
