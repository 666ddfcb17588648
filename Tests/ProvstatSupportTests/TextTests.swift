import ProvstatSupport
import Testing

@Suite("NFC and Vietnamese number words")
struct TextTests {
    @Test("decomposed diacritics are composed; composed text comes back unchanged")
    func nfc() {
        // "tháng Mười" with its acute, horns and grave written as combining marks.
        let decomposed = "tha\u{301}ng Mu\u{31B}o\u{31B}\u{300}i"
        let composed = NFC.normalise(decomposed)
        #expect(composed.unicodeScalars.map(\.value) == "tháng Mười".unicodeScalars.map(\.value))
        #expect(composed.unicodeScalars.count == 10)
        #expect(NFC.normalise("tăng 5,2%") == "tăng 5,2%")
    }

    @Test(
        "every month has its words",
        arguments: [
            (1, ["một", "giêng"]), (2, ["hai"]), (3, ["ba"]), (4, ["tư", "bốn"]), (5, ["năm"]), (6, ["sáu"]),
            (7, ["bảy"]), (8, ["tám"]), (9, ["chín"]), (10, ["mười"]), (11, ["mười một"]),
            (12, ["mười hai", "chạp"]),
        ])
    func months(month: Int, words: [String]) {
        let found = VietnameseNumberWords.months.filter { $0.value == month }.keys.sorted()
        #expect(found == words.sorted())
    }

    @Test("digits in words, with their spoken variants")
    func digits() {
        #expect(VietnameseNumberWords.digits.count == 13)
        #expect(VietnameseNumberWords.digits["tư"] == 4)
        #expect(VietnameseNumberWords.digits["bốn"] == 4)
        #expect(VietnameseNumberWords.digits["lăm"] == 5)
        #expect(VietnameseNumberWords.digits["bẩy"] == 7)
        #expect(VietnameseNumberWords.digits["mười"] == 10)
        #expect(VietnameseNumberWords.digits["giêng"] == nil)
    }
}
