/// A read-only map from `WordKey`s to values, open-addressed: the keys are already hashes, so a
/// lookup is a mask and a compare or two instead of hashing the key again (as `Dictionary` and
/// `Set` do, with SipHash) — the lexicon is consulted several times per token.
struct KeyTable<Value: Sendable>: Sendable {
    private let keys: [UInt64]
    /// Index into `values` for each slot of `keys`, or -1 for an empty slot.
    private let slots: [Int32]
    private let values: [Value]
    private let mask: Int

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
        var keys = [UInt64](repeating: 0, count: size)
        var slots = [Int32](repeating: -1, count: size)
        for (key, index) in keyed {
            var slot = Self.start(key, mask: size - 1)
            while slots[slot] >= 0, keys[slot] != key { slot = (slot + 1) & (size - 1) }
            keys[slot] = key
            slots[slot] = Int32(index)
        }
        self.keys = keys
        self.slots = slots
        self.values = values
        self.mask = size - 1
    }

    /// The value stored for `key`, if any.
    @inline(__always)
    subscript(key: UInt64) -> Value? {
        guard let index = index(of: key) else { return nil }
        return values[index]
    }

    /// Whether `key` is in the table.
    @inline(__always)
    func contains(_ key: UInt64) -> Bool { index(of: key) != nil }

    @inline(__always)
    private func index(of key: UInt64) -> Int? {
        var slot = Self.start(key, mask: mask)
        while true {
            let index = slots[slot]
            if index < 0 { return nil }
            if keys[slot] == key { return Int(index) }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private static func start(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: key ^ (key >> 32)) & mask
    }
}
