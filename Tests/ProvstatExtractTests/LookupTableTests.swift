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

    @Test("a phrase table finds the longest phrase from or to a token, and the first one accepted")
    func phraseTable() {
        let table = PhraseTable(phrases: ["tăng", "tăng trưởng", "tăng trưởng kinh tế", "kinh tế"])
        let matcher = TokenMatcher(tokenizing: "Tăng trưởng kinh tế đạt 7%")
        #expect(table.longest(in: matcher, at: 0)?.phrase == ["tăng", "trưởng", "kinh", "tế"])
        #expect(table.longest(in: matcher, at: 2)?.phrase == ["kinh", "tế"])
        #expect(table.longest(in: matcher, at: 1) == nil)
        #expect(table.longest(in: matcher, at: 4) == nil)
        #expect(table.longest(in: matcher, at: -1) == nil && table.longest(in: matcher, at: 99) == nil)
        #expect(table.longest(in: matcher, endingAt: 3)?.phrase == ["tăng", "trưởng", "kinh", "tế"])
        #expect(table.longest(in: matcher, endingAt: 1)?.phrase == ["tăng", "trưởng"])
        #expect(table.longest(in: matcher, endingAt: 0)?.phrase == ["tăng"])
        #expect(table.longest(in: matcher, endingAt: 4) == nil)
        #expect(table.first(in: matcher, at: 0, where: { $0.phrase.count < 3 })?.phrase == ["tăng", "trưởng"])
        #expect(table.first(in: matcher, at: 0, where: { $0.phrase.count > 4 }) == nil)
        #expect(Set(table.firstKeys) == [WordKey.of("tăng"), WordKey.of("kinh")])
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
