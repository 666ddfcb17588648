import ProvstatCore
import ProvstatExtract

/// libFuzzer entry: the bytes as one paragraph, as one amount and as a table (`|` columns, lines
/// as rows). Traps when a fact's offsets do not point at its `raw` text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumberGrammar(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let extractor = FactExtractor()
    _ = extractor.amount(in: text)
    let rows = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(64).map {
        $0.split(separator: "|", omittingEmptySubsequences: false).prefix(16).map(String.init)
    }
    let width = rows.map(\.count).max() ?? 0
    let grid = TableGrid(rows: rows.map { $0 + Array(repeating: "", count: width - $0.count) }, headerRowCount: 1)
    for fact in extractor.extract(from: [.paragraph(text), .table(grid)]) {
        let scalars = Array(fact.sentence.unicodeScalars)
        precondition(fact.start >= 0 && fact.start <= fact.end && fact.end <= scalars.count, "offsets out of range")
        if fact.table == nil {
            precondition(String(String.UnicodeScalarView(scalars[fact.start..<fact.end])) == fact.raw, "raw mismatch")
        }
    }
    return 0
}
