import ProvstatCore

/// Names a breakdown item by its total's measure: *Kim ngạch xuất khẩu … đạt 1.185 triệu USD.
/// Trong đó, thủy sản đạt 812,5 triệu USD* measures the export value of seafood, so the item's
/// subject is *kim ngạch xuất khẩu thủy sản*, not *thủy sản*.
enum ItemNaming {
    /// What reports measure, longest first: the words that open a total's subject before what it
    /// is the measure of.
    private static let measures: [String] = [
        "kim ngạch xuất nhập khẩu", "kim ngạch xuất khẩu", "kim ngạch nhập khẩu", "giá trị xuất khẩu",
        "giá trị nhập khẩu", "giá trị sản xuất", "diện tích gieo trồng", "diện tích gieo sạ", "diện tích xuống giống",
        "diện tích thu hoạch", "chỉ số sản xuất", "chỉ số giá", "sản lượng", "diện tích", "doanh thu", "số lượng",
        "kim ngạch", "giá trị", "lượng", "cán cân thương mại",
    ]

    /// The item's subject named with the total's measure, or nil when the item names its own
    /// measure or the total names none.
    static func name(item: String, total: String) -> String? {
        guard var measure = measure(opening: total), self.measure(opening: item) == nil,
            !SubjectNaming.mentions(item, measure)
        else { return nil }
        // *Kim ngạch xuất nhập khẩu …; trong đó, xuất khẩu đạt …*: one side of the trade.
        if measure.hasSuffix(" xuất nhập khẩu"),
            item.lowercased().hasPrefix("xuất khẩu") || item.lowercased().hasPrefix("nhập khẩu")
        {
            measure = String(measure.dropLast(" xuất nhập khẩu".count))
        }
        // *kim ngạch xuất khẩu* + *xuất khẩu thủy sản*: the words they share are written once.
        return SubjectNaming.joined(measure, item)
    }

    /// Whether `item` opens with a measure other than the one `total` opens with (*cán cân thương
    /// mại* after *kim ngạch xuất nhập khẩu … trong đó …*): then it is no part of that total.
    static func measuresOtherwise(_ item: String, than total: String) -> Bool {
        guard let own = measure(opening: item), let totals = measure(opening: total) else { return false }
        return !own.hasPrefix(totals) && !totals.hasPrefix(own)
            && !(valueWords.contains(own) && valueWords.contains(totals))
    }

    /// Whether a subject is a measure and nothing else (*doanh thu*, *tổng giá trị*): it measures
    /// something the sentence named before.
    static func isBareMeasure(_ subject: String) -> Bool {
        guard let measure = measure(opening: subject) else { return false }
        let text = subject.lowercased()
        return text == measure || text == "tổng " + measure
    }

    /// Whether a phrase opens with a measure (*diện tích gieo sạ*, *tổng kim ngạch*).
    static func opensWithMeasure(_ phrase: String) -> Bool { measure(opening: phrase) != nil }

    /// An attribute completed by the thing it is of: *sản lượng* of *Năng suất lúa Thu Đông* is
    /// *sản lượng lúa Thu Đông* (see `measured(by:)`); a value of something named by its value
    /// (*giá trị* of *Kim ngạch xuất nhập khẩu hàng hóa*) restates it and is that name.
    static func completed(attribute: String, by owner: String) -> String {
        let value = Tokenizer.lowercased(attribute)
        // Compared as bytes (text is NFC): a `Set` of strings hashes the text with its Unicode
        // normalisation checked, at thousands of instructions a call.
        if valueWordBytes.contains(where: { value.utf8.elementsEqual($0) }), let measure = measure(opening: owner),
            valueWords.contains(where: { measure.hasPrefix($0) })
        {
            return owner
        }
        return attribute + " " + measured(by: owner)
    }

    /// The words for what something is worth, one measure written several ways.
    private static let valueWords: Set<String> = [
        "giá trị", "trị giá", "kim ngạch", "tổng giá trị", "tổng trị giá", "tổng kim ngạch",
    ]
    private static let valueWordBytes = valueWords.map { Array($0.utf8) }

    /// What a subject measures, without the measure it opens with (*lúa vụ Đông Xuân* of *Diện
    /// tích lúa vụ Đông Xuân*, *xuất khẩu gạo* of *kim ngạch xuất khẩu gạo*): another measure of
    /// the same thing (*…, sản lượng đạt …*) is of that thing, not of the first measure.
    static func measured(by subject: String) -> String {
        // `Tokenizer.lowercased` is `lowercased()` without a Unicode property lookup per letter.
        // What is compared lies in the first 22 bytes (*tổng*, the longest of these measures and a
        // space): the first 40 are read.
        let opening = self.opening(of: subject, bytes: 40)
        let bytes = Array(Tokenizer.lowercased(opening).utf8)
        var start = bytes.starts(with: total) ? total.count : 0
        guard
            let measure = headMeasures.first(where: {
                bytes[start...].starts(with: $0) && bytes.count > start + $0.count && bytes[start + $0.count] == 0x20
            })
        else { return subject }
        start += measure.count + 1
        // The prefix was lower-cased as a whole: count its characters to cut the original.
        let characters = String(decoding: bytes[..<start], as: UTF8.self).count
        return String(subject.dropFirst(characters))
    }

    /// The words that open a measure of something named after them.
    private static let headMeasures = [
        "kim ngạch", "giá trị", "trị giá", "diện tích", "sản lượng", "năng suất", "doanh thu", "số lượng", "lượng",
    ].map { Array($0.utf8) }

    /// The measure a unit implies for a subject that names none, or nil when it names a measure
    /// of its own or the unit implies none: *thép cán đạt 1,24 triệu tấn* is the output
    /// (*sản lượng*) of rolled steel, *đã thu hoạch 48.500 ha* the area (*diện tích*) harvested.
    static func measure(impliedBy unit: String, for subject: String) -> String? {
        guard var implied = impliedMeasure(of: unit), !subject.isEmpty else { return nil }
        // Compared as bytes, word by word: this runs for every amount in a physical unit.
        var subject = subject
        let (measured, moved) = subject.withUTF8 { bytes in
            (names(bytes, of: measureWords), names(bytes, of: movementWords))
        }
        if measured { return nil }
        // Goods traded or moved are a quantity (*lượng*), not an output (*sản lượng*).
        if implied == "sản lượng", moved { implied = "lượng" }
        return implied
    }

    /// Whether one of `phrases` stands in `bytes` as whole words. Every phrase opens with an ASCII
    /// letter and only a name's first letter is written in capitals, so folding ASCII is enough.
    private static func names(_ bytes: UnsafeBufferPointer<UInt8>, of phrases: [[UInt8]]) -> Bool {
        var start = 0
        while start < bytes.count {
            let first = bytes[start] >= 0x41 && bytes[start] <= 0x5A ? bytes[start] | 0x20 : bytes[start]
            for phrase in phrases where start + phrase.count <= bytes.count && first == phrase[0] {
                let end = start + phrase.count
                if end == bytes.count || bytes[end] == 0x20,
                    bytes[(start + 1)..<end].elementsEqual(phrase[1...])
                {
                    return true
                }
            }
            while start < bytes.count, bytes[start] != 0x20 { start += 1 }
            start += 1
        }
        return false
    }

    /// What a quantity in each physical unit measures when nothing else says.
    private static func impliedMeasure(of unit: String) -> String? {
        // Every such unit is three bytes or fewer and opens with one of a few letters: most units
        // (*tỷ đồng*, *%*, *người*) are told apart without hashing them.
        guard unit.utf8.count <= 3, let first = unit.utf8.first, physicalOpenings.contains(first) else { return nil }
        return impliedMeasures[unit]
    }

    private static let impliedMeasures: [String: String] = [
        "ha": "diện tích", "m2": "diện tích", "km2": "diện tích", "t": "sản lượng", "kg": "sản lượng",
        "m3": "sản lượng", "l": "sản lượng", "kWh": "sản lượng", "MW": "công suất", "km": "chiều dài",
    ]
    /// The first bytes of the units in `impliedMeasures`.
    private static let physicalOpenings = Array(Set(impliedMeasures.keys.compactMap(\.utf8.first)))

    /// Words that say goods were traded or moved rather than made.
    private static let movementWords = [
        "xuất khẩu", "nhập khẩu", "cung ứng", "tiêu thụ", "vận chuyển", "thông qua", "bán", "mua", "luân chuyển",
        "vận tải", "bốc xếp",
    ].map { Array($0.utf8) }

    /// Words that name a measure (*lượng* covers *sản lượng*, *khối lượng*).
    private static let measureWords = [
        "diện tích", "lượng", "năng suất", "công suất", "kim ngạch", "giá trị", "trị giá", "doanh thu",
        "nhu cầu", "quy mô", "tổng", "chiều dài", "dung tích", "tỷ lệ", "chỉ số",
    ].map { Array($0.utf8) }

    /// The index a subject opens with (*chỉ số giá* of *chỉ số giá tiêu dùng tháng 10*), or nil.
    static func index(opening subject: String) -> String? {
        // Every index opens with *ch*: most subjects are told apart by two bytes (read in place,
        // not copied into an array).
        var bytes = subject.utf8.makeIterator()
        guard bytes.next().map({ $0 | 0x20 }) == 0x63, bytes.next().map({ $0 | 0x20 }) == 0x68,
            let measure = measure(opening: subject), measure.utf8.starts(with: indexOpening)
        else { return nil }
        return measure
    }

    /// A group of goods (*Nhóm giao thông*, *nhóm hàng ăn và dịch vụ ăn uống*) named by the index
    /// its change is measured in, or nil when the subject is no group.
    static func name(group subject: String, index: String) -> String? {
        // *Nhóm*/*nhóm* and a space, told on the bytes (this runs for every change in a section).
        guard let first = subject.utf8.first, first | 0x20 == 0x6E,
            subject.utf8.dropFirst().starts(with: groupRest)
        else { return nil }
        return index + " " + subject.prefix(1).lowercased() + subject.dropFirst()
    }

    /// Whether a kind says how something changed or stands against a base (what an index does).
    static func isChange(_ kind: FactKind) -> Bool {
        switch kind {
        case .growth, .growthMoM, .growthYoY, .indexMoM, .indexYoY: true
        default: false
        }
    }

    /// The measure a subject opens with (after *tổng*), lower-cased, or nil.
    private static func measure(opening subject: String) -> String? {
        // Only the opening words matter; they are compared as bytes, since this runs for every fact:
        // they lie in the first 40 bytes (*tổng*, the longest measure and a space), and the first 64
        // are read. `Tokenizer.lowercased` gives what `lowercased()` does without a Unicode
        // property lookup per letter.
        let opening = self.opening(of: subject, bytes: 64)
        var lower = Tokenizer.lowercased(opening)
        // Read in the string's own storage, not copied into an array.
        return lower.withUTF8 { all in
            let text = all.starts(with: total) ? UnsafeBufferPointer(rebasing: all[total.count...]) : all
            return measureBytes.first {
                text.starts(with: $0.bytes) && (text.count == $0.bytes.count || text[$0.bytes.count] == 0x20)
            }?
            .name
        }
    }

    /// `subject`, or when it is longer than `bytes`, its bytes up to the start of the scalar at
    /// that byte: the opening words compared, cut where no character has to be counted (a
    /// subject's first 40 characters, as they were cut, took thousands of instructions).
    private static func opening(of subject: String, bytes: Int) -> String {
        let utf8 = subject.utf8
        guard utf8.count > bytes else { return subject }
        var end = utf8.index(utf8.startIndex, offsetBy: bytes)
        while utf8[end] & 0xC0 == 0x80 { end = utf8.index(before: end) }
        return String(Substring(utf8[..<end]))
    }

    /// What every index opens with, as bytes (the measures are written so).
    private static let indexOpening = Array("chỉ số".utf8)
    /// *Nhóm* after its first letter, and a space.
    private static let groupRest = Array("hóm ".utf8)

    private static let total = Array("tổng ".utf8)
    private static let measureBytes = measures.map { (name: $0, bytes: Array($0.utf8)) }
}
