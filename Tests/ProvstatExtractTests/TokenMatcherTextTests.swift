import Testing

@testable import ProvstatExtract

/// `TokenMatcher.text(capacity:_:)` writes a text joined from token texts into one string.
@Suite("Texts joined from tokens")
struct TokenMatcherTextTests {
    @Test("clause ends and sentence-part ends are told among symbols, ASCII or not")
    func clauseEnds() {
        let text = "; . : ( ) [ ] ? ! … \" “ ” , - % / – ‘ x 5"
        let matcher = TokenMatcher(tokenizing: text)
        let clauseEnds = matcher.tokens.indices.filter { matcher.isClauseEnd($0) }.map { matcher.text($0) }
        #expect(clauseEnds == [";", ".", ":", "(", ")", "[", "]", "?", "!", "…", "\"", "“", "”"])
        let partEnds = matcher.tokens.indices.filter { matcher.isSentencePartEnd($0) }.map { matcher.text($0) }
        #expect(partEnds == [";", ".", ":", "?", "!", "…"])
        #expect(!matcher.isClauseEnd(-1) && !matcher.isSentencePartEnd(matcher.tokens.count))
    }

    @Test("a matcher reads token texts from its source, short or long, sentence or phrase")
    func sourceTexts() {
        // Under 16 bytes a string is stored inline, not in a buffer: both are read in place.
        let cases: [(String, [String])] = [
            ("Quý II tăng 5%", ["Quý", "II", "tăng", "5", "%"]),
            (
                "Quý II năm 2024, GRDP của Đồng Tháp tăng 7,25%.",
                ["Quý", "II", "năm", "2024", ",", "GRDP", "của", "Đồng", "Tháp", "tăng", "7,25", "%", "."]
            ),
        ]
        for (text, expected) in cases {
            let sentence = TokenizedSentence(text)
            let matcher = TokenMatcher(sentence)
            #expect(matcher.tokens.count == sentence.tokens.count)
            #expect(matcher.tokens.indices.map { matcher.text($0) } == expected, "\(text)")
            #expect(matcher.lower(0) == "quý" && matcher.text(0) == "Quý" && matcher.isCapitalised(0))
        }
        #expect(Tokenizer.phrase("Chỉ số GIÁ tiêu dùng") == ["chỉ", "số", "giá", "tiêu", "dùng"])
    }

    @Test("numbers, integers and two-word keys read from a token's bytes agree with its text")
    func fromBytes() {
        let text = "lần THỨ 12, Quốc Lộ 2024 1.250,5 0007 99999999999999999999 1\u{00A0}250\u{00A0}300 3 500 tăng 9,2%"
        let matcher = TokenMatcher(tokenizing: text)
        let numbers = matcher.tokens.indices.filter { matcher.tokens[$0].isNumber }
        #expect(
            numbers.map { matcher.text($0) } == [
                "12", "2024", "1.250,5", "0007", "99999999999999999999", "1\u{00A0}250\u{00A0}300", "3 500", "9,2",
            ])
        #expect(numbers.map { matcher.integer($0) } == [12, 2024, nil, 7, nil, nil, nil, nil])
        for index in numbers {
            #expect(matcher.integer(index) == Int(matcher.text(index)), "\(matcher.text(index))")
            for style in [NumberStyle.vietnamese, .english] {
                #expect(matcher.numeral(index, style: style) == Numeral(matcher.text(index), style: style))
            }
        }
        #expect(matcher.numeral(numbers[5], style: .vietnamese)?.mantissa == 1_250_300)
        let first = WordKey.of("lần")
        for index in -1...matcher.tokens.count {
            #expect(matcher.key(first, then: index) == WordKey.of(first, then: matcher.lower(index)))
        }
        #expect(
            matcher.key(first, then: 1) == WordKey.of("lần thứ") && matcher.key(first, then: 5) == WordKey.of("lần lộ"))
    }

    @Test("writes bytes and texts in order, small and long")
    func writes() {
        let short = TokenMatcher.text(capacity: 16) { text in
            #expect(text.isEmpty)
            text.append("tăng")
            text.append(byte: 0x20)
            text.append("5%")
            #expect(!text.isEmpty)
        }
        #expect(short == "tăng 5%")
        #expect(Array(short.utf8) == Array("tăng 5%".utf8))
        let words = ["Kim", "ngạch", "xuất", "khẩu", "thủy", "sản", "và", "gạo"]
        let long = TokenMatcher.text(capacity: words.reduce(0) { $0 + $1.utf8.count + 1 }) { text in
            for word in words {
                if !text.isEmpty { text.append(byte: 0x20) }
                text.append(word)
            }
        }
        #expect(long == "Kim ngạch xuất khẩu thủy sản và gạo")
        #expect(TokenMatcher.text(capacity: 0) { _ in } == "")
    }

    @Test("copies decomposed marks and texts that are not native strings byte for byte")
    func bytes() {
        let decomposed = "thu\u{309}y sa\u{309}n"  // NFD: kept as written, not composed
        let bridged = String(Substring("Đồng Tháp"))
        let text = TokenMatcher.text(capacity: 40) { text in
            text.append(decomposed)
            text.append(byte: 0x2C)
            text.append(bridged)
        }
        #expect(Array(text.utf8) == Array((decomposed + "," + bridged).utf8))
    }

    @Test("the tokens of a sentence join back as they were spaced")
    func tokens() {
        let matcher = TokenMatcher(tokenizing: "Chỉ số giá (CPI) tháng 10 tăng 0,35%.")
        let joined = TokenMatcher.text(capacity: matcher.tokens.reduce(0) { $0 + $1.utf8Count + 1 }) { text in
            for index in matcher.tokens.indices {
                if !text.isEmpty && matcher.tokens[index].spaceBefore { text.append(byte: 0x20) }
                text.append(tokenAt: index, of: matcher)
            }
        }
        #expect(joined == "Chỉ số giá (CPI) tháng 10 tăng 0,35%.")
        #expect(
            matcher.tokens.indices.map { matcher.text($0) } == [
                "Chỉ", "số", "giá", "(", "CPI", ")", "tháng", "10", "tăng", "0,35", "%", ".",
            ])
    }
}
