import Foundation
import Testing

@testable import ProvstatExtract

@Suite("Tokenizer")
struct TokenizerTests {
    static let vietnameseLower =
        "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"

    @Test("lower-cases every Vietnamese letter and leaves lower-case words alone")
    func letterCase() {
        for letter in Self.vietnameseLower {
            let lower = String(letter)
            #expect(Tokenizer.lowercasedWord(lower) == lower, "\(lower)")
            #expect(Tokenizer.lowercasedWord(lower.uppercased()) == lower, "\(lower.uppercased())")
            #expect(
                Tokenizer.lowercasedWord(lower.decomposedStringWithCanonicalMapping.uppercased())
                    == lower.decomposedStringWithCanonicalMapping)
        }
        #expect(Tokenizer.lowercasedWord("ĐỒNG") == "đồng")
        // A token's key is hashed from its bytes lower-cased on the stack: the key of its lower text.
        let tokens = Tokenizer.tokens("ĐỒNG Hà Nội ΑΒΓ İstanbul ĹĽ ǄX Ẋ quý")
        #expect(tokens.count == 9 && tokens.allSatisfy { $0.key == WordKey.of($0.lower) })
        // `lowercased` is the standard library's answer, İ and the Greek capitals of U+0370–U+037F included.
        for text in ["İstanbul", "Ͱ ΑΒΓ", "TỔNG Mức ĐẦU tư", "ǄĹ", "đã xong", "a\u{0301}Ỹ", "Ά", ""] {
            #expect(Tokenizer.lowercased(text) == text.lowercased(), "\(text)")
            #expect(Array(Tokenizer.lowercased(text).utf8) == Array(text.lowercased().utf8), "\(text)")
        }
        #expect(Tokenizer.lowercasedWord("ΑΒΓ") == "αβγ")
    }

    @Test("splits glued words and numbers, keeps separators inside numbers")
    func glued() {
        let tokens = Tokenizer.tokens("chế tạotăng1,36% và 9.587ha, 12 m² đất")
        #expect(tokens.map(\.text) == ["chế", "tạo", "tăng", "1,36", "%", "và", "9.587", "ha", ",", "12", "m²", "đất"])
        #expect(tokens[3].start == 11 && tokens[3].end == 15)
        #expect(!tokens[3].spaceBefore && tokens[5].spaceBefore)
    }

    @Test("a sentence without digits is tokenized only when it writes a number word as a whole word")
    func numberWordSentences() {
        for text in ["Ba dự án", "khởi công bốn dự án", "Mười hai phiên", "Chín tháng", "(Tám) hộ", "trăm", "có sáu"] {
            #expect(!TokenizedSentence(text).tokens.isEmpty, "\(text)")
        }
        for text in ["Bao nhiêu dự án", "không có số nào", "Hải Phòng", "mộtx", "thám hiểm", "Sáuu", "CHÍN tháng", ""] {
            #expect(TokenizedSentence(text).tokens.isEmpty, "\(text)")
        }
        #expect(TokenizedSentence("tổ chức 2 phiên").tokens.count == 4)
    }

    @Test("one-byte tokens take their texts from the table, equal to the bytes written")
    func oneByteTokens() {
        let tokens = Tokenizer.tokens("(5%) x, 7; A")
        #expect(tokens.map(\.text) == ["(", "5", "%", ")", "x", ",", "7", ";", "A"])
        #expect(tokens.map(\.lower) == ["(", "5", "%", ")", "x", ",", "7", ";", "a"])
        #expect(tokens.map(\.key) == tokens.map { WordKey.of($0.lower) })
        #expect(Tokenizer.asciiTexts.enumerated().allSatisfy { Array($0.element.utf8) == [UInt8($0.offset)] })
    }

    @Test("token texts copied without validation equal the validated copies, short or long, ASCII or not")
    func uncheckedTexts() {
        let text = "Thành phố Hồ Chí Minh: 1.234.567,89 tỷ đồng; Nghiêngnghiêngnghiêng abcdefghijklmnopq ỹ"
        let tokens = Tokenizer.tokens(text)
        let bytes = Array(text.utf8)
        for token in tokens {
            let decoded = String(decoding: bytes[token.utf8Range], as: UTF8.self)
            #expect(token.text == decoded && Array(token.text.utf8) == Array(decoded.utf8), "\(decoded)")
        }
        #expect(tokens.contains { $0.text.utf8.count > 15 } && tokens.contains { $0.text == "ỹ" })
        #expect(Tokenizer.lowercasedWord("NGHIÊNGNGHIÊNGNGHIÊNG") == "nghiêngnghiêngnghiêng")
        #expect(Tokenizer.pieces("một hai,ba", commas: true) == ["một", "hai", "ba"])
    }

    @Test("digits are looked for among the bytes")
    func digits() {
        #expect(TokenizedSentence.hasDigit("năm 2023"))
        #expect(TokenizedSentence.hasDigit("9"))
        #expect(!TokenizedSentence.hasDigit("không có số"))
        #expect(!TokenizedSentence.hasDigit("٣ ५ ３"))  // digits outside ASCII
        #expect(!TokenizedSentence.hasDigit(""))
    }

    @Test("a word is capitalised when its first scalar is upper-case, ASCII or not")
    func capitalised() {
        var words = (0x21...0x7E).map { String(UnicodeScalar(UInt8($0))) + "a" }
        words += ["Đồng", "đồng", "Ấn", "ấn", "Ưu", "ưu", "Σα", "σα", "İa", "ǅa", "Ⅻa", "ﬀa", "1a", "x"]
        for text in words {
            for token in Tokenizer.tokens(text) where token.isWord {
                let expected = token.text.unicodeScalars.first!.properties.isUppercase
                #expect(token.isCapitalised == expected, "\(token.text)")
            }
        }
        #expect(Tokenizer.tokens("Kiên Giang").allSatisfy { $0.isCapitalised })
        #expect(!Tokenizer.tokens("5 tỷ").contains { $0.isCapitalised })  // a number is no word
    }

    @Test("a token's lower-case text is made from its text when asked for, and keys it")
    func lowerOnDemand() {
        let sentence =
            "Kim Ngạch XUẤT KHẨU của TP. Hồ Chí Minh (ĐBSCL) đạt 1.185,4 TRIỆU USD; Ǆ İstanbul Σίσυφος ǅ m2 Ấn Độ"
        let tokens = Tokenizer.tokens(sentence)
        #expect(tokens.count > 20)
        for token in tokens {
            let expected = token.kind == .word ? Tokenizer.lowercasedWord(token.text) : token.text
            #expect(Array(token.lower.utf8) == Array(expected.utf8), "\(token.text)")
            #expect(token.key == WordKey.of(token.lower), "\(token.text)")
        }
        #expect(tokens.map(\.lower).prefix(4) == ["kim", "ngạch", "xuất", "khẩu"])
    }
}
