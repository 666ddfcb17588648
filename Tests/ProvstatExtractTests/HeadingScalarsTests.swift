import Testing

@testable import ProvstatExtract

/// `HeadingScalars` reads headings on scalars where the text allows it; it must give the
/// answer the character-by-character reading gives.
@Suite("Heading on scalars")
struct HeadingScalarsTests {
    /// Every scalar of the plain set is a character of its own with the scalar's properties.
    @Test("each scalar of the plain set is one character with the same properties")
    func properties() {
        for range in [0x20...0x7E, 0xA0...0x24F, 0x1E00...0x1EFF, 0x2010...0x2027] {
            for value in range {
                let scalar = Unicode.Scalar(UInt32(value))!
                let character = Character(scalar)
                #expect(character.isWhitespace == (scalar == " " || scalar == "\u{A0}"), "\(value)")
                #expect(character.isNumber == (scalar.properties.numericType != nil), "\(value)")
                #expect(character.isLetter == scalar.properties.isAlphabetic, "\(value)")
                // The shortcuts agree with the properties on the whole set.
                #expect(HeadingScalars.isNumber(scalar) == (scalar.properties.numericType != nil), "\(value)")
                #expect(HeadingScalars.isLetter(scalar) == scalar.properties.isAlphabetic, "\(value)")
                #expect(String(character).count == 1)
            }
        }
    }

    static let pieces = [
        "1.", "II.", "a)", "-", "–", "•", "*", "3", "Xuất", "khẩu", "THƯƠNG", "MẠI", " ", "  ", "\u{A0}", ":", ".",
        "ĐẦU TƯ", "Tháng", "10", "x", "iv", "½", "“Nông”", "(tiếp)", "…", "ab", "Sản xuất công nghiệp",
    ]

    @Test("the same heading as the character reading, for headings and near-headings")
    func agreement() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20000 {
            let count = Int.random(in: 1...8, using: &generator)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }
                .joined(separator: Bool.random(using: &generator) ? " " : "")
            guard let scalars = HeadingScalars(text) else { continue }
            #expect(scalars.heading == FactExtractor.characterHeading(in: text), "\(text)")
            // The very bytes, not only a canonically equal text: the heading is cut out of the text.
            #expect(
                scalars.heading.map { Array($0.utf8) }
                    == FactExtractor.characterHeading(in: text).map { Array($0.utf8) },
                "\(text)")
        }
    }
}

/// `Tokenizer.lowercased` stands in for `String.lowercased()` in table headers and labels.
@Suite("Lower-casing table text")
struct TableLowercasingTests {
    @Test("agrees with String.lowercased() on every scalar up to U+2FFF and on mixed text")
    func agreement() {
        for value in 0x20...0x2FFF {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let text = "A" + String(scalar) + "b Đơn"
            #expect(Tokenizer.lowercased(text) == text.lowercased(), "\(value)")
            #expect(Tokenizer.lowercased(String(scalar)) == String(scalar).lowercased(), "\(value)")
        }
        for text in ["ĐƠN VỊ TÍNH: TỶ ĐỒNG", "Trong đó: Nông, lâm nghiệp", "STT", "İstanbul", "ΣΑΣ", "Tháng 10/2023"] {
            #expect(Tokenizer.lowercased(text) == text.lowercased(), "\(text)")
        }
    }
}
