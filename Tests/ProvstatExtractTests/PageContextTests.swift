import ProvstatCore
import Testing

@testable import ProvstatExtract

@Suite("Page context from paragraphs and table cells")
struct PageContextTests {
    @Test("a cell counted as a bare number is exactly one number token naming no period")
    func bareNumbersAgreeWithTheTokenizer() {
        let cells = [
            "1.234,5", "72,070.5", "12", "2024", "0,5", "1.2.3", "3.200", "1..2", "1,", ".5", "1 250", "-5,2",
            "5%", "10/2024", "tháng 9", "9 tháng", "12a", "", "1,5 tỷ", "١٢", "1.5e3",
        ]
        for cell in cells {
            let tokens = Tokenizer.tokens(cell)
            let oneNumber = tokens.count == 1 && tokens[0].isNumber && tokens[0].utf8Range.count == cell.utf8.count
            let length = PageContext.bareNumberLength(cell)
            if let length {
                #expect(oneNumber, "\(cell)")
                #expect(length == cell.utf8.count, "\(cell)")
                #expect(TokenizedSentence(cell).periods.isEmpty, "\(cell)")
            }
            // Every cell the fast path takes is one the tokenizer reads as one number; these are all
            // the one-number cells of the list but the space-grouped one, which goes the long way.
            if oneNumber && !cell.contains(" ") { #expect(length != nil, "\(cell)") }
        }
        #expect(PageContext.bareNumberLength("1.234,5") == 7)
        #expect(PageContext.bareNumberLength("1..2") == nil)
        #expect(PageContext.bareNumberLength("1 250") == nil)
    }

    @Test("bare-number cells and tokenized cells both decide the style and the period")
    func cellsDecideStyleAndPeriod() {
        // The paragraph alone would make the page English; the table's two Vietnamese numbers
        // outvote it, and its header names the month.
        let paragraph = [TokenizedSentence("Doanh thu đạt 72,070.5 triệu đồng.")]
        let table = TableGrid(
            rows: [["Chỉ tiêu", "Ước tháng 10"], ["Doanh thu", "23.429,4"], ["Vốn", "1.250,75"]], headerRowCount: 1)
        #expect(PageContext(paragraphs: [paragraph], tables: []).style == .english)
        let context = PageContext(paragraphs: [paragraph], tables: [table])
        #expect(context.style == .vietnamese)
        #expect(context.month == 10)
        #expect(context.year == nil)
        // Short numbers (three bytes or fewer) decide nothing, in cells as in sentences.
        let short = TableGrid(rows: [["A", "B"], ["x", "1,5"], ["y", "2,5"]], headerRowCount: 1)
        #expect(PageContext(paragraphs: [paragraph], tables: [short]).style == .english)
    }
}
