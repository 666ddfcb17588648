import Foundation
import ProvstatCore

/// Reads the figures written in Vietnamese prose and tables as facts (see `spec/facts.md`).
public struct FactExtractor: Sendable {
    public init() {}

    /// The facts of a page's blocks, in reading order.
    public func extract(from blocks: [TextBlock]) -> [Fact] {
        var facts: [Fact] = []
        for block in blocks {
            switch block {
            case .paragraph(let text):
                for sentence in SentenceSplitter.sentences(of: text) {
                    facts += SentenceReader(sentence: sentence).facts()
                }
            case .table:
                continue
            }
        }
        return facts
    }
}

extension FactExtractor {
    /// Reads a single amount as written in a plan (`1.500 triệu USD`, `6,5%`), or nil.
    public func amount(in text: String) -> Fact? {
        extract(from: [.paragraph(text.precomposedStringWithCanonicalMapping)]).first
    }
}
