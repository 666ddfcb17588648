import Foundation
import Testing

@testable import ProvstatSupport

@Suite("Acronyms a sentence defines")
struct AcronymTests {
    @Test func anAcronymIsReadBackIntoTheNameBeforeItsBracket() {
        let sentence = "Theo Cục Thống kê, chỉ số giá tiêu dùng (CPI) tháng 10 tăng 0,42%."
        #expect(Acronyms.expanding("CPI tháng 10", in: sentence) == "chỉ số giá tiêu dùng tháng 10")
    }

    @Test func nothingDefinedNothingReplaced() {
        #expect(Acronyms.expanding("CPI tháng 10", in: "CPI tháng 10 tăng 0,42%.") == "")
        #expect(Acronyms.expanding("doanh thu", in: "Doanh thu (ước tính) đạt 5 tỷ đồng.") == "")
        // A bracket that holds no acronym, or is never closed.
        #expect(Acronyms.expanding("IIP", in: "Chỉ số sản xuất (tháng này) IIP (tăng") == "")
    }

    @Test func aRomanNumeralIsNoAcronym() {
        #expect(Acronyms.isAcronym("GRDP"))
        #expect(!Acronyms.isAcronym("III"))
        #expect(!Acronyms.isAcronym("Cpi"))
        #expect(Acronyms.expanding("III", in: "Giai đoạn (III) đạt 5 tỷ đồng.") == "")
    }

    @Test func manyOpenBracketsDoNotHideALaterDefinition() {
        // Brackets left open: each is looked at once, not read to the end of the sentence.
        let sentence = String(repeating: "giá trị ( ", count: 20_000) + "sản lượng (SL)"
        #expect(Acronyms.expanding("SL", in: sentence) == "sản lượng")
    }

    @Test func theExpanderAnswersAsExpandingDoes() {
        let nfc = "Chỉ số giá tiêu dùng (CPI) tháng 10 tăng 0,42%, chỉ số sản xuất (IIP) tăng 5%."
        let nfd = nfc.decomposedStringWithCanonicalMapping
        let other = "Tổng sản phẩm trên địa bàn (GRDP) tăng 7%."
        // The same sentence asked about again, another sentence, then the first one decomposed:
        // canonically equal to it, but its definitions are read from its own bytes.
        let asked = [
            ("CPI tháng 10", nfc), ("IIP", nfc), ("doanh thu", nfc), ("GRDP", other), ("CPI", other),
            ("CPI tháng 10", nfd), ("IIP tháng 10", nfd), ("CPI", nfc),
        ]
        var expander = Acronyms.Expander()
        for (text, sentence) in asked {
            let expected = Acronyms.expanding(text, in: sentence)
            let answer = expander.expanding(text, in: sentence)
            #expect(Array(answer.utf8) == Array(expected.utf8), "\(text)")
        }
        #expect(Acronyms.expanding("CPI tháng 10", in: nfc) == "Chỉ số giá tiêu dùng tháng 10")
        #expect(
            Array(Acronyms.expanding("CPI", in: nfd).utf8) == Array(nfd.prefix(while: { $0 != "(" }).dropLast().utf8))
    }

    @Test func onlyCapitalsAndSpacesMayTrimToAnAcronym() {
        func scalars(_ text: String) -> ArraySlice<Unicode.Scalar> { ArraySlice(text.unicodeScalars) }
        for text in ["CPI", " GRDP ", "\tĐBSCL\u{3000}", "C PI", "", "ÂU"] {
            #expect(Acronyms.mayTrimToAcronym(scalars(text)), "\(text)")
        }
        for text in ["Cpi", "12", "tháng này", "CPI-1", "ước tính", "GRDP\n"] {
            #expect(!Acronyms.mayTrimToAcronym(scalars(text)), "\(text)")
            #expect(Acronyms.expanding("CPI", in: "Chỉ số (\(text)) CPI") == "", "\(text)")
        }
    }

    @Test func scalarsBecomeTheStringTheirViewMakes() {
        for text in ["", "CPI", "chỉ số giá tiêu dùng", "Đồng bằng sông Cửu Long", "😀 𝐀 x", "a\u{301}\u{A0}b"] {
            let scalars = Array(text.unicodeScalars)
            for start in 0...scalars.count {
                let slice = scalars[start...]
                #expect(
                    Array(Acronyms.string(of: slice).utf8) == Array(String(String.UnicodeScalarView(slice)).utf8),
                    "\(text)")
            }
        }
    }

    @Test func bracketsAndNamesAreTrimmedAsFoundationTrimsThem() {
        let pieces = [
            " ", "\u{A0}", "\t", "\u{3000}", "\u{2003}", "\n", "Chỉ số", "giá", "(CPI)", "( GRDP\u{A0})", "(\tIIP )",
            ",", ";", "😀", "𝐀", "(ĐBSCL)", "x",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 1...8, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            let scalars = Array(text.unicodeScalars)
            for start in 0...scalars.count {
                let slice = scalars[start...]
                let expected = String(String.UnicodeScalarView(slice)).trimmingCharacters(in: .whitespaces)
                #expect(Array(Acronyms.trimmed(slice).utf8) == Array(expected.utf8), "\(text)")
            }
        }
        let definitions = Acronyms.definitions(in: "Theo báo cáo,\u{A0} chỉ số giá tiêu dùng\u{3000}( CPI\t) tăng")
        #expect(definitions.map(\.acronym) == ["CPI"])
        #expect(definitions.map(\.name) == ["chỉ số giá tiêu dùng"])
    }
}
