import Foundation
import ProvstatCore
import ProvstatSupport

/// Reads the figures written in Vietnamese prose and tables as facts (see `spec/facts.md`).
public struct FactExtractor: Sendable {
    public init() {}

    /// The facts of a page's blocks, in reading order.
    public func extract(from blocks: [TextBlock]) -> [Fact] {
        extract(from: blocks, shouldStop: { false }) ?? []
    }

    /// The facts of a page's blocks, or nil when `shouldStop` (asked between blocks) says the
    /// page's time is up.
    public func extract(from blocks: [TextBlock], shouldStop: () -> Bool) -> [Fact]? {
        // Each sentence is tokenized once: for the page's number style and period, then for facts.
        let blocks = blocks.map(Self.normalised)
        var paragraphs: [[TokenizedSentence]] = []
        paragraphs.reserveCapacity(blocks.count)
        for block in blocks {
            if shouldStop() { return nil }
            guard case .paragraph(let text) = block else {
                paragraphs.append([])
                continue
            }
            paragraphs.append(SentenceSplitter.sentences(of: text).map(TokenizedSentence.init))
        }
        var tables: [TableGrid] = []
        for case .table(let grid) in blocks { tables.append(grid) }
        let context = PageContext(paragraphs: paragraphs, tables: tables)
        var facts: [Fact] = []
        // A sentence with a number gives about four facts or fewer: room made once, not regrown
        // (a fact is a large value, and each regrowth moves them all).
        facts.reserveCapacity(4 * paragraphs.reduce(0) { $0 + $1.count { !$0.tokens.isEmpty } })
        var tableIndex = 0
        var note: UnitReader.Match? = nil
        var heading = ""
        // The index the section's groups of goods are measured by (*chỉ số giá* after *Chỉ số giá
        // tiêu dùng (CPI) tháng 10 …*), until the next heading.
        var index: String? = nil
        // What the section's sentences named last (*… tháng 9 ước đạt 6.540 tỷ đồng. Lũy kế 9 tháng
        // đạt …*), until the next heading or table.
        var named: SubjectTracker.Named? = nil
        for (block, sentences) in zip(blocks, paragraphs) {
            if shouldStop() { return nil }
            switch block {
            case .paragraph(let text):
                let before = facts.count
                read(
                    sentences: sentences, context: context, heading: heading, index: &index, named: &named,
                    into: &facts)
                if facts.count == before, let title = Self.heading(in: text) {
                    heading = title
                    index = nil
                    named = nil
                }
                note = TableFactReader.unit(inNote: text)
            case .table(let grid):
                var reader = TableFactReader(grid: grid, tableIndex: tableIndex, context: context)
                reader.defaultUnit = note
                reader.appendFacts(to: &facts)
                tableIndex += 1
                note = nil
                named = nil
            }
        }
        return facts
    }

    // MARK: - Paragraphs

    /// Appends a paragraph's facts, linking breakdowns (*trong đó*) and equivalents (*tương đương*).
    private func read(
        sentences: [TokenizedSentence], context: PageContext, heading: String, index: inout String?,
        named: inout SubjectTracker.Named?, into facts: inout [Fact]
    ) {
        var lastTotals: [String: Int] = [:]
        var topic: SubjectFinder.Phrase? = nil
        // The figures of a sentence share it: its acronyms are read once.
        var acronyms = Acronyms.Expander()
        for sentence in sentences {
            var breakdownTotals: [String: Int]? = nil
            var previous: Int? = nil
            // The last change not itself a part, and whether *trong đó* has opened its parts.
            var lastChange: Int? = nil
            var changeParts = false
            let first = facts.count
            // Items renamed by their total's measure, so the figures about them follow.
            var renamed: [String: String] = [:]
            var readings = SentenceReader(sentence: sentence, context: context, heading: heading).readings(
                topic: &topic, named: &named)
            // Taken off the end, in order, after one reversal (through the buffer, whose swaps move
            // the readings; the array's copy them): each reading, and its fact, is moved out, where
            // reading it by index copied it, retaining every string of its fact.
            readings.withUnsafeMutableBufferPointer { $0.reverse() }
            while let reading = readings.popLast() {
                let (about, breakdownBefore) = (reading.about, reading.breakdownBefore)
                let (partBefore, isEquivalent) = (reading.partBefore, reading.isEquivalent)
                var fact = reading.fact
                // Linked in a function of its own, so that the fact can be moved into the page's
                // facts after (`consume` of a variable used as below is beyond the compiler: the
                // fact was copied into the page's facts and then destroyed).
                func link(_ fact: inout Fact) {
                    fact.about = about.map { first + $0 }
                    if breakdownBefore { breakdownTotals = lastTotals }
                    if isEquivalent, let previous {
                        fact.equivalentOf = previous
                    } else if fact.kind == .level, let total = breakdownTotals?[fact.unit],
                        !ItemNaming.measuresOtherwise(fact.subject, than: facts[total].subject)
                    {
                        fact.componentOf = total
                        if let name = ItemNaming.name(item: fact.subject, total: facts[total].subject) {
                            renamed[fact.subject] = name
                        }
                    } else if partBefore, fact.kind == .level, let total = lastTotals[fact.unit],
                        let name = ItemNaming.name(item: fact.subject, total: facts[total].subject)
                    {
                        // *riêng các sản phẩm từ dừa*: one part, named by its total's measure.
                        renamed[fact.subject] = name
                    }
                    // *Tổng chi … đạt 71,3% dự toán, tăng 18,2% so với cùng kỳ. Trong đó: chi đầu tư phát
                    // triển …, đạt 102,1%, giảm 12,4%*: a part's percentage that states no base of its own
                    // is measured as its total's was.
                    if let amount = fact.about, let total = facts[amount].componentOf,
                        let kind = Self.kind(of: fact, asAbout: total, in: facts)
                    {
                        fact.kind = kind
                    }
                    // *Nhóm hàng ăn … giảm 0,12%, trong đó lương thực tăng 1,06%*: parts of a change too.
                    if breakdownBefore { changeParts = true }
                    if ItemNaming.isChange(fact.kind), changeParts, let total = lastChange,
                        let name = ItemNaming.name(item: fact.subject, total: facts[total].subject)
                    {
                        renamed[fact.subject] = name
                    }
                    if let name = renamed[fact.subject] { fact.subject = name }
                    // *Nhóm giao thông tăng 1,75%* in a section on prices: the group's price index.
                    if let measure = ItemNaming.index(opening: fact.subject) {
                        index = measure
                    } else if fact.subject.utf8.prefix(2).allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }),
                        let measure = ItemNaming.index(opening: acronyms.expanding(fact.subject, in: fact.sentence))
                    {
                        // *CPI tháng 10*, the page having written *Chỉ số giá tiêu dùng (CPI)*.
                        index = measure
                    } else if ItemNaming.isChange(fact.kind), let measure = index,
                        let name = ItemNaming.name(group: fact.subject, index: measure)
                    {
                        renamed[fact.subject] = name
                        fact.subject = name
                    }
                    if ItemNaming.isChange(fact.kind), !changeParts { lastChange = facts.count }
                    let added = facts.count
                    if !isEquivalent {
                        previous = added
                        if fact.kind == .level, fact.componentOf == nil { lastTotals[fact.unit] = added }
                    }
                }
                link(&fact)
                facts.append(consume fact)
            }
        }
    }

    /// The kind a part's percentage takes from those about its total, when it states no base
    /// (its kind is the bare *growth*, or a *share* read from *đạt*/*bằng*) and the total's
    /// figures leave one choice.
    static func kind(of fact: Fact, asAbout total: Int, in facts: [Fact]) -> FactKind? {
        let wanted: Set<FactKind>
        switch fact.kind {
        case .growth: wanted = [.growthYoY, .growthMoM]
        case .share where fact.raw.hasPrefix("đạt") || fact.raw.hasPrefix("bằng"): wanted = [.planAttainment]
        default: return nil
        }
        // The figures about the total follow it before the next amount: only they are read.
        let about = facts[(total + 1)...].prefix { $0.kind != .level }.filter { $0.about == total }
        let kinds = Set(about.map(\.kind)).intersection(wanted)
        return kinds.count == 1 ? kinds.first : nil
    }

    /// A paragraph that heads a section (*3. Xuất khẩu*, *II. THƯƠNG MẠI*): short, no sentence end
    /// inside; its text without the list marker, or nil.
    static func heading(in text: String) -> String? {
        // A heading is short and ends no clause inside: checked on the bytes first, since most
        // paragraphs without figures are not headings.
        guard text.utf8.count <= 160, !text.utf8.contains(where: { $0 == 0x3B || $0 == 0x3F || $0 == 0x21 })
        else { return nil }
        if let scalars = HeadingScalars(text) { return scalars.heading }
        return characterHeading(in: text)
    }

    /// `heading(in:)` read character by character (for text outside `HeadingScalars`).
    static func characterHeading(in text: String) -> String? {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty, words.count <= 10 else { return nil }
        var title = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        // A list marker: *3.*, *II.*, *a)*, *-*.
        if let marker = title.firstIndex(where: { $0 == " " }),
            title[..<marker].allSatisfy({
                $0.isNumber || "IVXivx.)-–•*".contains($0) || ($0.isLetter && title[..<marker].count <= 2)
            })
        {
            title = title[marker...]
        }
        let cleaned = title.trimmingCharacters(in: CharacterSet(charactersIn: " .:;-–•*"))
        guard cleaned.contains(where: \.isLetter), !cleaned.contains(where: \.isNumber) else { return nil }
        return cleaned
    }

    /// A block with its text in NFC (pages may be written with decomposed diacritics).
    static func normalised(_ block: TextBlock) -> TextBlock {
        switch block {
        case .paragraph(let text):
            return mayNeedNFC(text) ? .paragraph(NFC.normalise(text)) : block
        case .table(var grid):
            guard grid.rows.contains(where: { $0.contains(where: mayNeedNFC) }) else { return block }
            grid.rows = grid.rows.map { $0.map(NFC.normalise) }
            return .table(grid)
        }
    }

    /// Whether `text` holds a combining mark's lead byte, as `NFC.normalise` checks, on the
    /// contiguous bytes (the parser's blocks are nearly always NFC already).
    private static func mayNeedNFC(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.contains { $0 == 0xCC || $0 == 0xCD } }
    }
}

extension FactExtractor {
    /// Reads a single amount as written in a plan (`1.500 triệu USD`, `6,5%`), or nil.
    public func amount(in text: String) -> Fact? {
        extract(from: [.paragraph(text)]).first
    }
}
