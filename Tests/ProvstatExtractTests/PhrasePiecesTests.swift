import Testing

@testable import ProvstatExtract

/// `Tokenizer.pieces` and `pieceCount` split on bytes where that gives what the split on
/// characters gives, and say so (nil) elsewhere.
@Suite("Pieces of a phrase")
struct PhrasePiecesTests {
    static let parts = [
        " ", ",", "  ", ", ", "lượt", "khách", "doanh nghiệp", "Đồng", "ha", "\u{301}", "e\u{302}", "\u{200D}",
        "\u{600}", "\u{903}", "😀", "ạ", "ǅ", "\u{2B0}", "\u{A0}", "\t", "x", "ả", "\u{5FF}", "\u{1E9E}",
    ]

    @Test("agree with the character split wherever they answer")
    func agreement() {
        var generator = SystemRandomNumberGenerator()
        var answered = 0
        for _ in 0..<30_000 {
            let text = (0..<Int.random(in: 0...7, using: &generator)).map { _ in
                Self.parts.randomElement(using: &generator)!
            }.joined()
            let byCharacters = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            if let pieces = Tokenizer.pieces(text, commas: true) {
                answered += 1
                #expect(
                    pieces.map { Array($0.utf8) } == byCharacters.map { Array($0.utf8) },
                    "\(Array(text.unicodeScalars))")
            }
            let bySpaces = text.split(separator: " ")
            if let count = Tokenizer.pieceCount(text) {
                #expect(count == bySpaces.count, "\(Array(text.unicodeScalars))")
            }
            if let pieces = Tokenizer.pieces(text, commas: false) {
                #expect(pieces == bySpaces.map(String.init), "\(Array(text.unicodeScalars))")
            }
        }
        #expect(answered > 1_000)
    }

    @Test("a separator joined to a mark or a prepended sign is left to the character split")
    func refused() {
        #expect(Tokenizer.pieces("a \u{301}b", commas: false) == nil)
        #expect(Tokenizer.pieces("a,\u{301}b", commas: true) == nil)
        #expect(Tokenizer.pieces("\u{600} b", commas: false) == nil)
        #expect(Tokenizer.pieceCount("a \u{200D}b") == nil)
        #expect(Tokenizer.pieces("lượt khách, doanh nghiệp", commas: true) == ["lượt", "khách", "doanh", "nghiệp"])
        #expect(Tokenizer.pieceCount("  triệu  lượt khách ") == 3)
        #expect(Tokenizer.pieceCount("") == 0)
    }
}
