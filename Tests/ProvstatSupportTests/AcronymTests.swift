import ProvstatSupport
import Testing

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
}
