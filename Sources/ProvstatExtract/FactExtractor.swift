import Foundation
import ProvstatCore

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
        var texts = paragraphs.flatMap { $0 }
        for case .table(let grid) in blocks {
            texts += grid.rows.joined().map(TokenizedSentence.init)
        }
        let context = PageContext(texts: texts)
        var facts: [Fact] = []
        var tableIndex = 0
        var note: UnitReader.Match? = nil
        for (block, sentences) in zip(blocks, paragraphs) {
            if shouldStop() { return nil }
            switch block {
            case .paragraph(let text):
                read(sentences: sentences, context: context, into: &facts)
                note = TableFactReader.unit(inNote: text)
            case .table(let grid):
                var reader = TableFactReader(grid: grid, tableIndex: tableIndex, context: context)
                reader.defaultUnit = note
                facts += reader.facts(offset: facts.count)
                tableIndex += 1
                note = nil
            }
        }
        return facts
    }

    // MARK: - Paragraphs

    /// Appends a paragraph's facts, linking breakdowns (*trong đó*) and equivalents (*tương đương*).
    private func read(sentences: [TokenizedSentence], context: PageContext, into facts: inout [Fact]) {
        var lastTotals: [String: Int] = [:]
        for sentence in sentences {
            var breakdownTotals: [String: Int]? = nil
            var previous: Int? = nil
            for reading in SentenceReader(sentence: sentence, context: context).readings() {
                var fact = reading.fact
                if reading.breakdownBefore { breakdownTotals = lastTotals }
                if reading.isEquivalent, let previous {
                    fact.equivalentOf = previous
                } else if fact.kind == .level, let total = breakdownTotals?[fact.unit] {
                    fact.componentOf = total
                }
                facts.append(fact)
                let index = facts.count - 1
                if !reading.isEquivalent {
                    previous = index
                    if fact.kind == .level, fact.componentOf == nil { lastTotals[fact.unit] = index }
                }
            }
        }
    }

    /// A block with its text in NFC (pages may be written with decomposed diacritics).
    static func normalised(_ block: TextBlock) -> TextBlock {
        switch block {
        case .paragraph(let text):
            return .paragraph(nfc(text))
        case .table(var grid):
            grid.rows = grid.rows.map { $0.map(nfc) }
            return .table(grid)
        }
    }

    /// `text` in NFC; skips the conversion when no combining mark is present.
    static func nfc(_ text: String) -> String {
        // Combining diacritics (U+0300–U+036F) start with UTF-8 lead bytes 0xCC or 0xCD.
        guard text.utf8.contains(where: { $0 == 0xCC || $0 == 0xCD }) else { return text }
        return text.precomposedStringWithCanonicalMapping
    }
}

extension FactExtractor {
    /// Reads a single amount as written in a plan (`1.500 triệu USD`, `6,5%`), or nil.
    public func amount(in text: String) -> Fact? {
        extract(from: [.paragraph(text)]).first
    }
}
