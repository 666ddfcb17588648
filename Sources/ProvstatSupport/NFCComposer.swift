/// Unicode NFC for text written in the scalars `NFCTables` covers (Vietnamese written with
/// combining marks, the rest of Latin, common punctuation), without Foundation: the canonical
/// decomposition, ordering and composition of the standard, on small tables. Foundation's
/// conversion costs about a hundred thousand instructions a paragraph; this, a few per scalar.
enum NFCComposer {
    /// `text` in NFC, or nil when it holds a scalar the tables do not cover.
    static func compose(_ text: String) -> String? {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(text.utf8.count)
        // Decomposed, each run of marks in canonical order.
        var runStart = -1
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if let markClass = markClass(value) {
                if markClass == 0 { return nil }
                if runStart < 0 { runStart = scalars.count }
                scalars.append(value)
                continue
            }
            guard isCovered(value) else { return nil }
            if runStart >= 0 {
                order(&scalars, from: runStart)
                runStart = -1
            }
            let row = decompositionRow(value)
            if row < 0 {
                scalars.append(value)
                continue
            }
            let table = NFCTables.decompositions
            scalars.append(table[row + 1])
            // A decomposition's marks are in canonical order already, and open a run of marks.
            runStart = scalars.count
            scalars.append(table[row + 2])
            if table[row + 3] != 0 { scalars.append(table[row + 3]) }
        }
        if runStart >= 0 { order(&scalars, from: runStart) }
        // Composed: each mark not blocked from the last starter joins it when they compose.
        var composed: [UInt32] = []
        composed.reserveCapacity(scalars.count)
        var starter = -1
        var lastClass = 256
        for value in scalars {
            let markClass = Int(self.markClass(value) ?? 0)
            if starter >= 0, lastClass < markClass || lastClass == 0,
                let composite = composite(composed[starter], value)
            {
                composed[starter] = composite
                continue
            }
            if markClass == 0 {
                starter = composed.count
                lastClass = 0
            } else {
                lastClass = markClass
            }
            composed.append(value)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for value in composed {
            UTF8.encode(Unicode.Scalar(value)!) { bytes.append($0) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The canonical combining class of a mark in U+0300–U+036F (0 for one left to Foundation),
    /// or nil for any other scalar.
    @inline(__always)
    private static func markClass(_ value: UInt32) -> UInt8? {
        value >= 0x300 && value < 0x370 ? NFCTables.markClasses[Int(value - 0x300)] : nil
    }

    /// Whether a scalar other than a mark is one the tables cover.
    @inline(__always)
    private static func isCovered(_ value: UInt32) -> Bool {
        switch value {
        case 0x20...0x7E, 0x09...0x0D, 0xA0...0x2FF, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0:
            return true
        default:
            return false
        }
    }

    /// Sorts the marks from `start` to the end by combining class, keeping the order of equals.
    private static func order(_ scalars: inout [UInt32], from start: Int) {
        guard scalars.count - start > 1 else { return }
        // Runs are a mark or two: an insertion sort, which is stable.
        for index in (start + 1)..<scalars.count {
            let value = scalars[index]
            let valueClass = markClass(value)!
            var position = index
            while position > start, markClass(scalars[position - 1])! > valueClass {
                scalars[position] = scalars[position - 1]
                position -= 1
            }
            scalars[position] = value
        }
    }

    /// The index of a precomposed scalar's row in `NFCTables.decompositions`, or -1.
    private static func decompositionRow(_ value: UInt32) -> Int {
        switch value {
        case 0xC0..<0x300: Int(decompositionIndex[Int(value - 0xC0)])
        case 0x1E00..<0x1F00: Int(decompositionIndex[Int(value - 0x1E00) + 0x240])
        default: -1
        }
    }

    /// Row offsets into `NFCTables.decompositions` for U+00C0–U+02FF, then U+1E00–U+1EFF; -1 for none.
    private static let decompositionIndex: [Int32] = {
        var index = [Int32](repeating: -1, count: 0x240 + 0x100)
        let table = NFCTables.decompositions
        for row in stride(from: 0, to: table.count, by: 4) {
            let value = Int(table[row])
            switch value {
            case 0xC0..<0x300: index[value - 0xC0] = Int32(row)
            case 0x1E00..<0x1F00: index[value - 0x1E00 + 0x240] = Int32(row)
            default: break
            }
        }
        return index
    }()

    /// Where each mark's rows start in `NFCTables.composites` (rows are sorted by mark), and end.
    private static let compositeRanges: [Range<Int>] = {
        var ranges = [Range<Int>](repeating: 0..<0, count: 0x70)
        let table = NFCTables.composites
        var row = 0
        while row < table.count {
            let mark = table[row + 1]
            var end = row
            while end < table.count, table[end + 1] == mark { end += 3 }
            if mark >= 0x300, mark < 0x370 { ranges[Int(mark - 0x300)] = row..<end }
            row = end
        }
        return ranges
    }()

    /// The primary composite of `first` and the mark `second`, if any.
    private static func composite(_ first: UInt32, _ second: UInt32) -> UInt32? {
        guard second >= 0x300, second < 0x370 else { return nil }
        let range = compositeRanges[Int(second - 0x300)]
        let table = NFCTables.composites
        // Rows of one mark are sorted by first scalar: a binary search.
        var low = range.lowerBound / 3
        var high = range.upperBound / 3
        while low < high {
            let middle = (low + high) / 2
            let value = table[middle * 3]
            if value == first { return table[middle * 3 + 2] }
            if value < first { low = middle + 1 } else { high = middle }
        }
        return nil
    }
}
