import Testing

@testable import ProvstatExtract

@Suite("Lookup tables and measures")
struct LookupTableTests {
    /// A table made in a function that is gone by the time it is read: its copy keeps the slots.
    private static func madeElsewhere() -> KeyTable<String> {
        KeyTable((0..<40).map { (WordKey.of("chữ\($0)"), "giá trị \($0)") })
    }

    @Test("a key table's copy answers after the table it was copied from is gone")
    func keyTableCopy() {
        var copies: [KeyTable<String>] = []
        for _ in 0..<3 { copies.append(Self.madeElsewhere()) }
        for table in copies {
            #expect(table[WordKey.of("chữ0")] == "giá trị 0")
            #expect(table[WordKey.of("chữ39")] == "giá trị 39")
            #expect(table[WordKey.of("chữ40")] == nil)
            #expect(table.contains(WordKey.of("chữ17")) && !table.contains(WordKey.of("chữ")))
        }
    }

    @Test("keys that start at one slot, at the end of the slots or anywhere, are all found")
    func collidingKeys() {
        // `(key ^ key >> 32) & mask` is the start slot: in the 64 slots of 24 keys, these keys all
        // start at slot 0 or at the last one (and wrap around to the first).
        let atStart = (1...12).map { UInt64($0) << 40 }
        let atEnd = (1...12).map { UInt64($0) << 40 | 0x7f }
        let table = KeyTable((atStart + atEnd).enumerated().map { ($0.element, $0.offset) })
        for (offset, key) in (atStart + atEnd).enumerated() { #expect(table[key] == offset) }
        // Absent keys: passing the filter (top bits as the stored keys') or stopped by it.
        #expect(table[13 << 40] == nil && table[13 << 40 | 0x7f] == nil && table[0] == nil)
        #expect(table[1 << 63] == nil && table[1 << 63 | 1 << 40] == nil)
        let high = KeyTable((0..<512).map { (UInt64($0) << 55 | 1, $0) })
        #expect((0..<512).allSatisfy { high[UInt64($0) << 55 | 1] == $0 } && high[1 << 54 | 1] == nil)
        let empty = KeyTable<Int>([])
        #expect(empty[WordKey.of("tăng")] == nil && !empty.contains(0))
    }

    @Test("a phrase table finds the longest phrase from or to a token, and the first one accepted")
    func phraseTable() {
        let table = PhraseTable(phrases: ["tăng", "tăng trưởng", "tăng trưởng kinh tế", "kinh tế"])
        let matcher = TokenMatcher(tokenizing: "Tăng trưởng kinh tế đạt 7%")
        let phrase = { (match: PhraseTable<Bool>.Match?) in match.map(table.phrase(of:)) }
        #expect(phrase(table.longest(in: matcher, at: 0)) == ["tăng", "trưởng", "kinh", "tế"])
        #expect(table.longest(in: matcher, at: 0)?.length == 4)
        #expect(phrase(table.longest(in: matcher, at: 2)) == ["kinh", "tế"])
        #expect(table.longest(in: matcher, at: 1) == nil)
        #expect(table.longest(in: matcher, at: 4) == nil)
        #expect(table.longest(in: matcher, at: -1) == nil && table.longest(in: matcher, at: 99) == nil)
        #expect(phrase(table.longest(in: matcher, endingAt: 3)) == ["tăng", "trưởng", "kinh", "tế"])
        #expect(phrase(table.longest(in: matcher, endingAt: 1)) == ["tăng", "trưởng"])
        #expect(phrase(table.longest(in: matcher, endingAt: 0)) == ["tăng"])
        #expect(table.longest(in: matcher, endingAt: 4) == nil)
        #expect(table.longest(in: matcher, endingAt: -1) == nil && table.longest(in: matcher, endingAt: 6) == nil)
        #expect(phrase(table.first(in: matcher, at: 0, where: { $0.length < 3 })) == ["tăng", "trưởng"])
        #expect(table.first(in: matcher, at: 0, where: { $0.length > 4 }) == nil)
        #expect(Set(table.firstKeys) == [WordKey.of("tăng"), WordKey.of("kinh")])
    }

    @Test("a phrase cut short by the sentence's end gives way to the shorter one that fits")
    func phraseAtTheEdges() {
        let table = PhraseTable(phrases: ["chỉ số giá", "chỉ số", "số giá tiêu dùng", "giá tiêu dùng"])
        let matcher = TokenMatcher(tokenizing: "chỉ số giá")
        #expect(table.longest(in: matcher, at: 0)?.length == 3)
        // *số giá tiêu dùng* starts at 1 but runs past the end; nothing shorter starts with *số*.
        #expect(table.longest(in: matcher, at: 1) == nil)
        #expect(table.longest(in: matcher, endingAt: 2)?.length == 3)
        #expect(table.longest(in: matcher, endingAt: 1)?.length == 2)
        // Both phrases ending in *dùng* would start before the sentence.
        let short = TokenMatcher(tokenizing: "tiêu dùng")
        #expect(table.longest(in: short, endingAt: 1) == nil && table.longest(in: short, at: 0) == nil)
    }

    @Test("a phrase table carries each phrase's value; of two equal phrases the first is kept")
    func phraseValues() {
        let table = PhraseTable<Int>(
            [
                (["tăng"], 1), (["tăng", "lên"], 2), (["giảm"], 3), (["tăng", "lên"], 4), ([], 5),
                (["giảm", "xuống", "còn"], 6),
            ])
        let matcher = TokenMatcher(tokenizing: "tăng lên rồi giảm xuống còn")
        let rise = table.longest(in: matcher, at: 0)
        #expect(rise?.value == 2 && rise?.length == 2 && rise?.entry == 1)
        #expect(table.longest(in: matcher, endingAt: 1)?.value == 2)
        // The later of two equal phrases is found only by a search that passes over the first.
        #expect(table.first(in: matcher, at: 0, where: { $0.value != 2 })?.value == 4)
        #expect(table.first(in: matcher, at: 0, where: { $0.value < 2 })?.value == 1)
        #expect(table.longest(in: matcher, at: 3)?.value == 6)
        #expect(table.longest(in: matcher, endingAt: 5)?.value == 6)
        #expect(table.longest(in: matcher, endingAt: 3)?.value == 3)
        #expect(table.longest(in: matcher, at: 2) == nil && table.longest(in: matcher, endingAt: 4) == nil)
    }

    @Test("an empty phrase table matches nothing")
    func emptyPhraseTable() {
        let matcher = TokenMatcher(tokenizing: "tăng trưởng")
        for table in [PhraseTable(phrases: []), PhraseTable(phrases: [""])] {
            #expect(table.longest(in: matcher, at: 0) == nil && table.longest(in: matcher, endingAt: 1) == nil)
            #expect(table.first(in: matcher, at: 0, where: { _ in true }) == nil)
            #expect(table.firstKeys.isEmpty)
        }
        #expect(PhraseTable(phrases: []).longest(in: TokenMatcher(tokenizing: ""), at: 0) == nil)
    }

    @Test("in a large table, phrases sharing a first or a last word are all found, each longest first")
    func largePhraseTable() {
        // 40 heads × 6 tails, each phrase *head tail* and *head tail kết*, and each head alone: 13
        // phrases for each first key, 240 for the last key *kết*, more keys than the smallest table's slots.
        let heads = ["b", "c", "d", "g", "h", "k", "l", "m"].flatMap { start in
            ["a", "e", "i", "o", "u"].map { start + $0 }
        }
        let tails = ["xa", "xe", "xi", "xo", "xu", "xy"]
        var phrases = heads
        for head in heads { for tail in tails { phrases += ["\(head) \(tail)", "\(head) \(tail) kết"] } }
        let table = PhraseTable(phrases: phrases)
        for head in heads {
            for tail in tails {
                let long = TokenMatcher(tokenizing: "\(head) \(tail) kết nhé")
                #expect(long.tokens.count == 4)
                #expect(table.longest(in: long, at: 0).map(table.phrase(of:)) == [head, tail, "kết"])
                #expect(table.longest(in: long, endingAt: 2)?.length == 3)
                #expect(table.longest(in: long, endingAt: 1)?.length == 2)
                #expect(table.longest(in: long, endingAt: 0)?.length == 1)
                #expect(table.longest(in: long, at: 1) == nil && table.longest(in: long, endingAt: 3) == nil)
                let short = TokenMatcher(tokenizing: "\(head) \(tail) nhé")
                #expect(table.longest(in: short, at: 0)?.length == 2)
            }
            let alone = TokenMatcher(tokenizing: "\(head) nhé")
            #expect(table.longest(in: alone, at: 0).map(table.phrase(of:)) == [head])
        }
        #expect(table.firstKeys.count == heads.count)
    }

    @Test("each physical unit implies its measure; other units, and subjects naming one, imply none")
    func impliedMeasures() {
        let expected = [
            "ha": "diện tích", "m2": "diện tích", "km2": "diện tích", "t": "sản lượng", "kg": "sản lượng",
            "m3": "sản lượng", "l": "sản lượng", "kWh": "sản lượng", "MW": "công suất", "km": "chiều dài",
        ]
        for (unit, measure) in expected {
            #expect(ItemNaming.measure(impliedBy: unit, for: "thép cán") == measure, "\(unit)")
        }
        for unit in ["tỷ đồng", "%", "người", "m", "kw", "tấn", "MWh", "lượt", ""] {
            #expect(ItemNaming.measure(impliedBy: unit, for: "thép cán") == nil, "\(unit)")
        }
        #expect(ItemNaming.measure(impliedBy: "t", for: "gạo xuất khẩu") == "lượng")
        #expect(ItemNaming.measure(impliedBy: "ha", for: "Diện tích lúa") == nil)
        #expect(ItemNaming.measure(impliedBy: "ha", for: "") == nil)
    }

    @Test("an index is told by its opening words, a group by its own word, case aside")
    func indexesAndGroups() {
        #expect(ItemNaming.index(opening: "Chỉ số giá tiêu dùng tháng 10") == "chỉ số giá")
        #expect(ItemNaming.index(opening: "chỉ số sản xuất công nghiệp") == "chỉ số sản xuất")
        #expect(ItemNaming.index(opening: "CHỈ SỐ GIÁ vàng") == "chỉ số giá")
        #expect(ItemNaming.index(opening: "chi phí sản xuất") == nil)
        #expect(ItemNaming.index(opening: "Kim ngạch xuất khẩu") == nil)
        #expect(ItemNaming.index(opening: "c") == nil && ItemNaming.index(opening: "") == nil)
        #expect(ItemNaming.name(group: "Nhóm giao thông", index: "chỉ số giá") == "chỉ số giá nhóm giao thông")
        #expect(ItemNaming.name(group: "nhóm hàng ăn", index: "chỉ số giá") == "chỉ số giá nhóm hàng ăn")
        #expect(ItemNaming.name(group: "Nhóm", index: "chỉ số giá") == nil)
        #expect(ItemNaming.name(group: "Nhómgiao thông", index: "chỉ số giá") == nil)
        #expect(ItemNaming.name(group: "Ngành giao thông", index: "chỉ số giá") == nil)
    }
}
