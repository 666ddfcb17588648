import Foundation
import Testing

@testable import ProvstatSupport

/// `NFCComposer` must give exactly Foundation's NFC wherever it answers.
@Suite("NFC composed on tables")
struct NFCComposerTests {
    /// Foundation's NFC, the reference.
    static func reference(_ text: String) -> [UInt8] { Array(text.precomposedStringWithCanonicalMapping.utf8) }

    @Test("decomposed Vietnamese is composed as Foundation composes it")
    func decomposedVietnamese() throws {
        let composed = "Kim ngạch xuất khẩu tháng Mười ước đạt 1.185,4 triệu USD, tăng 12,5%; Ệ Ữ Ặ ỵ Đồng Tháp"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(Array(decomposed.utf8) != Array(composed.utf8))
        let result = try #require(NFCComposer.compose(decomposed))
        #expect(Array(result.utf8) == Array(composed.utf8))
        #expect(Array(NFC.normalise(decomposed).utf8) == Array(composed.utf8))
    }

    @Test("text already in NFC comes back as it was")
    func alreadyComposed() throws {
        let text = "Chỉ số giá tiêu dùng (CPI) tháng 10 tăng 0,35% – “ổn định” … ₫ 5 m²"
        let result = try #require(NFCComposer.compose(text))
        #expect(Array(result.utf8) == Array(text.utf8))
        #expect(Array(NFC.normalise(text).utf8) == Array(text.utf8))
    }

    @Test("marks out of canonical order, stacked and on letters that take none")
    func markOrder() throws {
        // ệ written e + circumflex + dot below (out of order), a tone twice, a mark opening the text.
        for text in [
            "e\u{302}\u{323}", "e\u{323}\u{302}", "a\u{301}\u{301}", "\u{301}a", "b\u{301}", "ơ\u{31B}\u{301}",
            "u\u{31B}\u{303}\u{323}", "A\u{30A}\u{301}", "<\u{338}", " \u{300}x", "ê\u{323}\u{301}",
        ] {
            let result = try #require(NFCComposer.compose(text), "\(text.unicodeScalars.map(\.value))")
            #expect(Array(result.utf8) == Self.reference(text), "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test("text with a scalar the tables do not cover is left to Foundation")
    func uncovered() {
        for text in [
            "Σί\u{301}σ", "α\u{301}", "한\u{301}", "x\u{340}", "e\u{34F}\u{301}", "\u{2000}a\u{301}", "日本\u{301}",
        ] {
            #expect(NFCComposer.compose(text) == nil, "\(text.unicodeScalars.map(\.value))")
            #expect(Array(NFC.normalise(text).utf8) == Self.reference(text))
        }
    }

    @Test("random text over every covered scalar agrees with Foundation")
    func randomAgreement() throws {
        var covered: [Unicode.Scalar] = []
        for range in [0x09...0x0D, 0x20...0x7E, 0xA0...0x2FF, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E] {
            covered += range.compactMap { Unicode.Scalar(UInt32($0)) }
        }
        let marks = (0x300...0x36F).compactMap { Unicode.Scalar(UInt32($0)) }
            .filter { ![0x340, 0x341, 0x343, 0x344, 0x34F].contains($0.value) }
        let vietnamese = Array("aăâeêioôơuưyAĂÂEÊIOÔƠUƯYđĐbcgmnt".unicodeScalars)
        let tones: [Unicode.Scalar] = [
            "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}", "\u{302}", "\u{306}", "\u{31B}",
        ]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<20_000 {
            var view = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...10, using: &generator) {
                if round % 2 == 0 {
                    view.append(vietnamese.randomElement(using: &generator)!)
                    for _ in 0..<Int.random(in: 0...3, using: &generator) {
                        view.append(tones.randomElement(using: &generator)!)
                    }
                } else {
                    let pool = Bool.random(using: &generator) ? covered : marks
                    view.append(pool.randomElement(using: &generator)!)
                }
            }
            var text = String(view)
            if round % 3 == 0 { text = text.decomposedStringWithCanonicalMapping }
            let result = try #require(NFCComposer.compose(text), "\(text.unicodeScalars.map(\.value))")
            #expect(Array(result.utf8) == Self.reference(text), "\(text.unicodeScalars.map(\.value))")
        }
    }
}
