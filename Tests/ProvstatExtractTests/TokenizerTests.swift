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
        let matcher = TokenMatcher(tokenizing: "ĐỒNG Hà Nội ΑΒΓ İstanbul ĹĽ ǄX Ẋ quý")
        #expect(matcher.tokens.count == 9)
        #expect(matcher.tokens.indices.allSatisfy { matcher.tokens[$0].key == WordKey.of(matcher.lower($0)) })
        // `lowercased` is the standard library's answer, İ and the Greek capitals of U+0370–U+037F included.
        for text in ["İstanbul", "Ͱ ΑΒΓ", "TỔNG Mức ĐẦU tư", "ǄĹ", "đã xong", "a\u{0301}Ỹ", "Ά", ""] {
            #expect(Tokenizer.lowercased(text) == text.lowercased(), "\(text)")
            #expect(Array(Tokenizer.lowercased(text).utf8) == Array(text.lowercased().utf8), "\(text)")
        }
        #expect(Tokenizer.lowercasedWord("ΑΒΓ") == "αβγ")
    }

    @Test("a lower-case word is keyed in the pass that checks it; a word that may change case is not")
    func keyIfLowercase() {
        func key(_ word: String) -> UInt64? {
            var word = word
            return word.withUTF8 { Tokenizer.keyIfLowercase($0) }
        }
        // İ too: `lowercasedWord` leaves it (the library's answer is two scalars).
        let lower = ["đồng", "nghiêng", "thủy", "ơn", "ưu", "ĸ", "İ", "x2", "a\u{0301}", "", Self.vietnameseLower]
        for word in lower {
            #expect(key(word) == WordKey.of(word), "\(word)")
            #expect(Tokenizer.lowercasedWord(word) == word, "\(word)")
        }
        for word in ["Đồng", "ĐỒNG", "nghiêngG", "Ơn", "Ư", "ǆ", "ŀ", "αβγ", "Ỹ", "ẞ", "Ẋx"] {
            #expect(key(word) == nil, "\(word)")
        }
    }

    @Test("splits glued words and numbers, keeps separators inside numbers")
    func glued() {
        let matcher = TokenMatcher(tokenizing: "chế tạotăng1,36% và 9.587ha, 12 m² đất")
        let tokens = matcher.tokens
        #expect(
            tokens.indices.map { matcher.text($0) } == [
                "chế", "tạo", "tăng", "1,36", "%", "và", "9.587", "ha", ",", "12", "m²", "đất",
            ])
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

    @Test("one-byte tokens read their texts from the sentence, equal to the bytes written")
    func oneByteTokens() {
        let matcher = TokenMatcher(tokenizing: "(5%) x, 7; A")
        let tokens = matcher.tokens
        #expect(tokens.indices.map { matcher.text($0) } == ["(", "5", "%", ")", "x", ",", "7", ";", "A"])
        #expect(tokens.indices.map { matcher.lower($0) } == ["(", "5", "%", ")", "x", ",", "7", ";", "a"])
        #expect(tokens.map(\.key) == tokens.indices.map { WordKey.of(matcher.lower($0)) })
    }

    @Test("a token is a plain value: copied and freed without reference counting")
    func plainToken() {
        #expect(_isPOD(Token.self))
        #expect(MemoryLayout<Token>.size <= 32)
    }

    @Test("token texts copied without validation equal the validated copies, short or long, ASCII or not")
    func uncheckedTexts() {
        let text = "Thành phố Hồ Chí Minh: 1.234.567,89 tỷ đồng; Nghiêngnghiêngnghiêng abcdefghijklmnopq ỹ"
        let matcher = TokenMatcher(tokenizing: text)
        let bytes = Array(text.utf8)
        let texts = matcher.tokens.indices.map { matcher.text($0) }
        for (token, written) in zip(matcher.tokens, texts) {
            let decoded = String(decoding: bytes[token.utf8Range], as: UTF8.self)
            #expect(written == decoded && Array(written.utf8) == Array(decoded.utf8), "\(decoded)")
            #expect(token.utf8Count == written.utf8.count)
        }
        #expect(texts.contains { $0.utf8.count > 15 } && texts.contains { $0 == "ỹ" })
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
            let matcher = TokenMatcher(tokenizing: text)
            for index in matcher.tokens.indices where matcher.tokens[index].isWord {
                let expected = matcher.text(index).unicodeScalars.first!.properties.isUppercase
                #expect(matcher.isCapitalised(index) == expected, "\(matcher.text(index))")
            }
        }
        let kienGiang = TokenMatcher(tokenizing: "Kiên Giang")
        #expect(kienGiang.tokens.count == 2 && kienGiang.tokens.indices.allSatisfy { kienGiang.isCapitalised($0) })
        let number = TokenMatcher(tokenizing: "5 tỷ")
        #expect(!number.isCapitalised(0) && !number.isCapitalised(1))  // a number is no word
        #expect(!number.isCapitalised(-1) && !number.isCapitalised(2))
    }

    @Test("a token's lower-case text is made from its text when asked for, and keys it")
    func lowerOnDemand() {
        let sentence =
            "Kim Ngạch XUẤT KHẨU của TP. Hồ Chí Minh (ĐBSCL) đạt 1.185,4 TRIỆU USD; Ǆ İstanbul Σίσυφος ǅ m2 Ấn Độ"
        let matcher = TokenMatcher(tokenizing: sentence)
        let tokens = matcher.tokens
        #expect(tokens.count > 20)
        for index in tokens.indices {
            let text = matcher.text(index)
            let expected = tokens[index].kind == .word ? Tokenizer.lowercasedWord(text) : text
            #expect(Array(matcher.lower(index).utf8) == Array(expected.utf8), "\(text)")
            #expect(tokens[index].key == WordKey.of(matcher.lower(index)), "\(text)")
        }
        #expect(tokens.indices.prefix(4).map { matcher.lower($0) } == ["kim", "ngạch", "xuất", "khẩu"])
        #expect(matcher.lower(-1) == "" && matcher.lower(tokens.count) == "")
    }
}
