import Foundation
import Testing

@testable import ProvstatExtract

@Suite("Reading layer")
struct ReadingLayerTests {
    @Test("a token's key is the key of its lower-case text, hashed in place or after lower-casing")
    func tokenKeys() {
        let matcher = TokenMatcher(tokenizing: "Sản lượng ĐIỆN tăng 7,5% — Łódź łódź ǅ")
        let lower = matcher.tokens.indices.map { matcher.lower($0) }
        #expect(lower == ["sản", "lượng", "điện", "tăng", "7,5", "%", "—", "łódź", "łódź", "ǆ"])
        for index in matcher.tokens.indices {
            #expect(matcher.tokens[index].key == WordKey.of(lower[index]), "\(matcher.text(index))")
        }
    }

    @Test("capitals on odd code points (Ĺ…Ň) lower-case like the standard library")
    func oddCapitals() {
        #expect(Tokenizer.lowercasedWord("ŁÓDŹ") == "łódź")
        #expect(Tokenizer.lowercasedWord("łódź") == "łódź")
        #expect(Tokenizer.lowercasedWord("ĽUBOŇ") == "ľuboň")
    }

    @Test("decoding gives every scalar and where it starts in the bytes")
    func decode() {
        var text = "a\u{00A0}đ€😀z"
        let (scalars, offsets) = text.withUTF8 { Tokenizer.decode($0) }
        #expect(scalars == Array(text.unicodeScalars))
        #expect(offsets == [0, 1, 3, 5, 8, 12, 13])
    }

    @Test("splits at marks before a capital, not after an abbreviation")
    func sentences() {
        let text = "Doanh thu đạt 5 tỷ đồng.  TP. Cần Thơ tăng 3%! Còn lại…\u{00A0}Hết. x. Y"
        #expect(
            SentenceSplitter.sentences(of: text) == [
                "Doanh thu đạt 5 tỷ đồng.", "TP. Cần Thơ tăng 3%!", "Còn lại…", "Hết. x.", "Y",
            ])
        #expect(SentenceSplitter.sentences(of: "  \u{3000} ").isEmpty)
        // Marks are found wherever they fall among the eight bytes read at once.
        for count in 0..<17 {
            for letter in ["ạ", "a"] {
                let lead = String(repeating: letter, count: count)
                #expect(
                    SentenceSplitter.sentences(of: lead + "x. Bố ơi… Cũng vậy! Và? đúng; Số 5.")
                        == [lead + "x.", "Bố ơi…", "Cũng vậy!", "Và? đúng; Số 5."], "\(count)")
            }
        }
    }

    @Test("long sentences are cut at semicolons, then at spaces, and nothing is lost")
    func longSentences() {
        let clause = String(repeating: "đạt ", count: 300)  // 1 200 scalars
        let semicolons = SentenceSplitter.sentences(of: clause + "; " + clause)
        #expect(semicolons.count == 2)
        #expect(semicolons[0].hasSuffix(";"))

        let words = String(repeating: "lượng ", count: 1_000).trimmingCharacters(in: .whitespaces)
        let cut = SentenceSplitter.sentences(of: words)
        #expect(cut.count == 4)
        #expect(cut.allSatisfy { $0.unicodeScalars.count <= SentenceSplitter.hardLimit })
        #expect(cut.joined(separator: " ") == words)

        // Without a space, the hard limit cuts half way back, counting scalars (of 1 to 3 bytes) not bytes.
        let unbroken = String(repeating: "ợa€", count: 900)
        #expect(SentenceSplitter.sentences(of: unbroken).map(\.unicodeScalars.count) == [1_000, 1_700])
    }

    @Test("the lexicon table finds what was stored and nothing else")
    func keyTable() {
        let words = (0..<500).map { "từ\($0)" }
        let table = KeyTable(words.enumerated().map { (WordKey.of($0.element), $0.offset) } + [(WordKey.of("từ7"), -7)])
        for (index, word) in words.enumerated() { #expect(table[WordKey.of(word)] == (index == 7 ? -7 : index)) }
        #expect(table[WordKey.of("từ500")] == nil)
        #expect(!table.contains(0))
        let set: WordSet = ["tăng", "giảm"]
        #expect(set.contains("giảm") && !set.contains("đạt"))
    }

    @Test("numbers grouped by any space read alike; other scalars make no number")
    func spacedNumerals() {
        let plain = Numeral("1 250 300", style: .vietnamese)
        #expect(plain?.mantissa == 1_250_300 && plain?.ungrouped == false)
        #expect(Numeral("2\u{00A0}145,3", style: .vietnamese)?.mantissa == 21_453)
        #expect(Numeral("2\u{202F}145.3", style: .english)?.decimals == 1)
        #expect(Numeral("1٫5", style: .vietnamese) == nil)
        #expect(Numeral("12 34", style: .vietnamese) == nil)
    }

    @Test("a numeral's digits, decimals, groups and leading zero, and what is no numeral")
    func numeralParts() throws {
        let grouped = try #require(Numeral("023.429,45", style: .vietnamese))
        #expect(grouped.mantissa == 2_342_945 && grouped.decimals == 2 && grouped.integerDigits == 6)
        #expect(grouped.leadingZero && !grouped.ungrouped)
        #expect(Numeral("0277", style: .vietnamese)?.leadingZero == true)
        #expect(Numeral("06", style: .vietnamese)?.leadingZero == false)
        #expect(Numeral("0,5", style: .vietnamese)?.leadingZero == false)
        let fraction = try #require(Numeral(",05", style: .vietnamese))
        #expect(fraction.mantissa == 5 && fraction.decimals == 2)
        #expect(fraction.integerDigits == 0 && !fraction.leadingZero)
        #expect(Numeral("999999999999999999", style: .english)?.mantissa == 999_999_999_999_999_999)
        for text in ["1234567890123456789", ".5", "1,", "1.23", "1.234,5,6", "1,5.000", "", "-5", "5a"] {
            #expect(Numeral(text, style: .vietnamese) == nil, "\(text)")
        }
    }
}
