import Foundation
import Testing

@testable import ProvstatParse

/// Byte-level shortcuts give what the general code they stand in front of gives.
@Suite("Fast paths")
struct FastPathTests {
    @Test("a plain number reads as trimming whitespace and Int(_:) read it; anything else is left to them")
    func plainNumbers() {
        let texts = [
            "2", " 2 ", "\t3", "007", "12", "999999999", "1234567890", "", " ", "1 2", "+2", "-1", "2a", "٣", " 2\n",
            "\u{A0}2", "2\u{3000}", "0", "  10\t ",
        ]
        for text in texts {
            let reference = Int(text.trimmingCharacters(in: .whitespaces))
            if let number = TableReader.plainNumber(text) {
                #expect(number == reference, "\(text.debugDescription)")
            }
        }
        #expect(texts.compactMap(TableReader.plainNumber) == [2, 2, 3, 7, 12, 999_999_999, 0, 10])
    }

    @Test("a source's .txt ending read from its last bytes agrees with the general reading, or defers to it")
    func plainTextSuffix() {
        let sources = [
            "a.txt", "A.TXT", "b.TxT", ".txt", "txt", "a.txt?x=1", "?a.txt", "a.html", "a.tx", "a\u{E9}.txt",
            "\u{E9}.txt",
            "a.txt\u{301}", "a\u{0E}txt", "a\u{600}.txt", "", "x.Txt ", "a.t\u{78}t",
        ]
        for source in sources {
            let general = (source.split(separator: "?").first.map(String.init) ?? source).lowercased().hasSuffix(".txt")
            if let fast = PageParser.hasPlainTextSuffix(source) {
                #expect(fast == general, "\(source.debugDescription)")
            }
            #expect(PageParser.isPlainText(source: source, contentType: nil) == general)
        }
        #expect(
            sources.compactMap(PageParser.hasPlainTextSuffix) == [
                true, true, true, true, false, false, false, false, true,
            ])
    }
}
