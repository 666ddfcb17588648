/// A read-only map from `WordKey`s to values, open-addressed: the keys are already hashes, so a
/// lookup is a mask and a compare or two instead of hashing the key again (as `Dictionary` and
/// `Set` do, with SipHash) — the lexicon is consulted several times per token.
///
/// One block holds a filter, the keys and the values. Most lookups are of a word the table does
/// not hold: the filter, one cache line of bits set by the keys' top bits, answers most of them
/// from a line that stays cached, where the slots, spread over kilobytes, would cost a cache miss.
/// The keys come next, one word a slot (a lookup that only asks whether a key is there reads no
/// value), and the values after them slot by slot. A copy of a table (and of a `WordSet` made of
/// one) retains the one object that owns the block.
struct KeyTable<Value: Sendable>: @unchecked Sendable {
    // Unchecked: the pointers are into `storage`, which the table keeps alive and never changes.
    private let storage: Storage
    /// The filter (`KeySlots.filterWords`), then the key of each slot; 0, which no word hashes
    /// to, marks an empty slot.
    private let words: UnsafePointer<UInt64>
    /// The value of each full slot (an empty slot's is uninitialised).
    private let values: UnsafePointer<Value>
    private let mask: Int

    /// The block of filter, keys and values, written once when the table is made.
    private final class Storage: @unchecked Sendable {
        let block: UnsafeMutableRawPointer
        let words: UnsafeMutablePointer<UInt64>
        let values: UnsafeMutablePointer<Value>
        let size: Int

        init(size: Int) {
            let wordCount = KeySlots.filterWords + size
            let valuesOffset =
                (wordCount * MemoryLayout<UInt64>.stride + MemoryLayout<Value>.alignment - 1)
                & ~(MemoryLayout<Value>.alignment - 1)
            // On a cache line's boundary, so that the filter is one line.
            block = .allocate(
                byteCount: valuesOffset + size * MemoryLayout<Value>.stride,
                alignment: max(64, MemoryLayout<Value>.alignment))
            words = block.initializeMemory(as: UInt64.self, repeating: 0, count: wordCount)
            values = (block + valuesOffset).bindMemory(to: Value.self, capacity: size)
            self.size = size
        }

        deinit {
            for slot in 0..<size where words[KeySlots.filterWords + slot] != 0 {
                (values + slot).deinitialize(count: 1)
            }
            block.deallocate()
        }
    }

    /// A table of `pairs`; a later pair with the same key replaces an earlier one. No key is 0.
    init<S: Sequence>(_ pairs: S) where S.Element == (UInt64, Value) {
        let pairs = Array(pairs)
        var size = 8
        // At most half the slots full: the filter stops most lookups of absent keys, and a smaller
        // table is likelier to be in cache for the rest.
        while size < pairs.count * 2 { size <<= 1 }
        let storage = Storage(size: size)
        let keys = storage.words + KeySlots.filterWords
        for (key, value) in pairs {
            precondition(key != 0, "0 marks an empty slot: no word's key is 0")
            let (word, bit) = KeySlots.filterBit(key)
            storage.words[word] |= bit
            var slot = KeySlots.start(key, mask: size - 1)
            while keys[slot] != 0, keys[slot] != key { slot = (slot + 1) & (size - 1) }
            if keys[slot] == key {
                storage.values[slot] = value
            } else {
                keys[slot] = key
                (storage.values + slot).initialize(to: value)
            }
        }
        self.storage = storage
        self.words = UnsafePointer(storage.words)
        self.values = UnsafePointer(storage.values)
        self.mask = size - 1
    }

    /// The value stored for `key`, if any.
    @inline(__always)
    subscript(key: UInt64) -> Value? {
        guard let slot = slot(of: key) else { return nil }
        return withExtendedLifetime(storage) { values[slot] }
    }

    /// Whether `key` is in the table.
    @inline(__always)
    func contains(_ key: UInt64) -> Bool { slot(of: key) != nil }

    /// The slot holding `key`, if any.
    @inline(__always)
    private func slot(of key: UInt64) -> Int? {
        // The keys are read through a pointer into `storage`: it must outlive the reading.
        withExtendedLifetime(storage) {
            let (word, bit) = KeySlots.filterBit(key)
            if words[word] & bit == 0 { return nil }
            let keys = words + KeySlots.filterWords
            var slot = KeySlots.start(key, mask: mask)
            while true {
                let found = keys[slot]
                // An empty slot ends the probe, so a lookup of 0 (outside the sentence) finds nothing.
                if found == 0 { return nil }
                if found == key { return slot }
                slot = (slot + 1) & mask
            }
        }
    }
}
