import ProvstatCore
import Testing

@testable import ProvstatPipeline

/// The title grammar: every way a report title names its month, and every kind of decoy
/// turned down with its reason. Titles are written for these tests, in the styles portals use.
@Suite("title grammar")
struct TitleGrammarTests {
    static func month(_ text: String) -> Month { Month(text)! }

    /// The verdict on `title` for `month` (a monthly source unless `quarterly`).
    static func verdict(
        _ title: String, _ month: String, quarterly: Bool = false, words: TitleWords = TitleWords(all: [])
    ) -> MonthTitleMatcher.Verdict {
        MonthTitleMatcher(month: Self.month(month), quarterly: quarterly, words: words).judge(title)
    }

    static func score(_ title: String, _ month: String) -> Int? {
        if case .fits(let score) = verdict(title, month) { return score }
        return nil
    }

    static func reason(_ title: String, _ month: String, words: TitleWords = TitleWords(all: [])) -> String? {
        if case .rejected(let reason) = verdict(title, month, words: words) { return reason }
        return nil
    }

    // MARK: - Months as digits and words

    @Test(
        "a month written in words",
        arguments: [
            ("Bản tin kinh tế tỉnh tháng Năm năm 2026", "2026-05"),
            ("Bản tin kinh tế tỉnh THÁNG NĂM 2026", "2026-05"),
            ("Tổng quan tình hình tháng Mười Một năm 2026", "2026-11"),
            ("Tổng quan tình hình tháng mười năm 2026", "2026-10"),
            ("Tổng quan tình hình tháng Chạp năm 2026", "2026-12"),
            ("Tổng quan tình hình tháng Giêng năm 2026", "2026-01"),
            ("Tổng quan tình hình tháng Tư năm 2026", "2026-04"),
            ("Tổng quan tình hình tháng Mười Hai 2026", "2026-12"),
        ])
    func monthWords(title: String, month: String) {
        #expect(Self.verdict(title, month).fits, "\(title)")
        // …and no neighbouring month: "năm" (year) is not read as May a second time, "mười" is not 11.
        #expect(!Self.verdict(title, Self.month(month).previous.description).fits, "\(title)")
        #expect(!Self.verdict(title, Self.month(month).next.description).fits, "\(title)")
    }

    @Test(
        "a month written in digits, with or without the word tháng",
        arguments: [
            "Tổng quan tình hình tháng 02 năm 2026", "Tổng quan tình hình tháng 2/2026", "Số liệu nhanh T2/2026",
            "Số liệu nhanh 02/2026", "Tổng quan tình hình tháng 2-2026", "Tổng quan tình hình tháng 2 2026",
        ])
    func monthDigits(title: String) {
        #expect(Self.score(title, "2026-02") != nil, "\(title)")
        #expect(!Self.verdict(title, "2026-12").fits, "\(title)")
    }

    @Test("dates and counts are not months")
    func datesAreNotMonths() {
        #expect(Self.verdict("Văn bản ban hành ngày 14/02/2026 về tình hình", "2026-02") == .unrelated)
        #expect(Self.verdict("Tổng hợp ý kiến ngày 3 tháng 2 năm 2026", "2026-02") == .unrelated)
        #expect(Self.verdict("Tổng quan đạt 2/2026 chỉ tiêu", "2026-02") == .unrelated)
        #expect(Self.verdict("Quyết định số 02/2026/QĐ về số liệu", "2026-02") == .unrelated)
        #expect(Self.verdict("Báo cáo hàng tháng năm 2026", "2026-05") == .unrelated)
        #expect(Self.verdict("Phát triển tháng hành động năm 2026", "2026-05") == .unrelated)
    }

    // MARK: - Compound periods

    @Test("compound periods name their month; a year written once serves them all")
    func compoundPeriods() {
        #expect(Self.score("Tổng quan tình hình tháng 3 và quý I năm 2026", "2026-03") == 110)
        #expect(Self.score("Tổng quan tình hình tháng 3 và quý I/2026", "2026-03") == 110)
        #expect(Self.score("Tổng quan tình hình tháng 9, quý III và 9 tháng năm 2026", "2026-09") == 110)
        #expect(Self.score("Tổng quan tình hình tháng 6 và 6 tháng đầu năm 2026", "2026-06") == 110)
        #expect(Self.score("Tổng quan tình hình tháng 8 và 8 tháng năm 2026", "2026-08") == 110)
        #expect(Self.score("Tổng quan tình hình tháng 12 và năm 2026", "2026-12") == 110)
        #expect(Self.reason("Tổng quan tình hình tháng 12 và năm 2026", "2027-12")?.contains("another year") == true)
        #expect(!Self.verdict("Tổng quan tình hình tháng 3 và quý I năm 2026", "2026-01").fits)
    }

    @Test("a period ending with the month, named alone, fits below the month named")
    func periodsAlone() {
        #expect(Self.score("Tổng quan tình hình 6 tháng đầu năm 2026", "2026-06") == 90)
        #expect(Self.score("Tổng quan tình hình 9 tháng năm 2026", "2026-09") == 90)
        #expect(Self.score("Tổng quan tình hình quý I năm 2026", "2026-03") == 80)
        #expect(Self.score("Tổng quan tình hình năm 2026", "2026-12") == 70)
        #expect(Self.verdict("Tổng quan tình hình quý I năm 2026", "2026-02") == .unrelated)
        #expect(Self.score("Tổng quan tình hình quí II năm 2026", "2026-06") == 80)
        #expect(Self.score("Tổng quan tình hình sáu tháng đầu năm 2026", "2026-06") == 90)
        #expect(Self.verdict("Tổng quan tình hình chín tháng cuối năm 2026", "2026-09") == .unrelated)
        #expect(Self.verdict("Tổng quan tình hình 6 tháng đầu năm 2026", "2026-05") == .unrelated)
    }

    @Test("the socio-economic report outranks a narrower one")
    func socioEconomicBonus() {
        #expect(Self.score("Tình hình kinh tế - xã hội tháng 4 năm 2026", "2026-04") == 115)
        #expect(Self.score("TÌNH HÌNH KT-XH THÁNG 4/2026", "2026-04") == 115)
        #expect(Self.score("Tình hình xuất khẩu tháng 4 năm 2026", "2026-04") == 110)
        #expect(Self.score("Xuất khẩu tăng mạnh tháng 4 năm 2026", "2026-04") == 100)
    }

    // MARK: - Words, case and dashes

    @Test(
        "the definition's words match whatever the case, dash or spacing",
        arguments: [
            "Tình hình kinh tế - xã hội tháng 4 năm 2026", "Tình hình kinh tế – xã hội tháng 4 năm 2026",
            "Tình hình kinh tế-xã hội tháng 4 năm 2026", "TÌNH HÌNH KINH TẾ — XÃ HỘI THÁNG 4 NĂM 2026",
            "Tình hình kinh tế xã hội tháng 4 năm 2026",
        ])
    func wordsIgnoreCaseAndDashes(title: String) {
        let words = TitleWords(all: ["tình hình", "Kinh tế - Xã hội"])
        #expect(Self.verdict(title, "2026-04", words: words).fits, "\(title)")
    }

    @Test("words match in either placement of tone marks")
    func wordsIgnoreTonePlacement() {
        let words = TitleWords(all: ["văn hóa", "thủy sản"])
        #expect(Self.verdict("Tình hình văn hoá và thuỷ sản tháng 4/2026", "2026-04", words: words).fits)
        let older = TitleWords(all: ["văn hoá"])
        #expect(Self.verdict("Báo cáo văn hóa tháng 4/2026", "2026-04", words: older).fits)
        #expect(!Self.verdict("Báo cáo văn hoàn tháng 4/2026", "2026-04", words: older).fits)
    }

    @Test("all of title_contains, any of an alternatives group")
    func allAndAny() {
        let all = TitleWords(all: ["tình hình", "xã hội"])
        #expect(Self.reason("Tình hình KT-XH tháng 4/2026", "2026-04", words: all)?.contains("xã hội") == true)
        let any = TitleWords(all: ["tình hình"], alternatives: [["kinh tế - xã hội", "KT-XH"]])
        #expect(Self.verdict("Tình hình KT-XH tháng 4/2026", "2026-04", words: any).fits)
        #expect(Self.verdict("Tình hình kinh tế–xã hội tháng 4/2026", "2026-04", words: any).fits)
        let missing = Self.reason("Tình hình xuất khẩu tháng 4/2026", "2026-04", words: any)
        #expect(missing == "the title lacks the definition's words: kinh tế - xã hội | KT-XH")
        // Whole words only: "hình" alone is not "tình hình".
        #expect(!Self.verdict("Hình ảnh tháng 4/2026", "2026-04", words: TitleWords(all: ["tình hình"])).fits)
    }

    // MARK: - Decoys

    @Test("another year's report is turned down, naming the year")
    func anotherYear() {
        #expect(Self.reason("Tình hình kinh tế - xã hội tháng 4 năm 2025", "2026-04") == "another year's report (2025)")
    }

    @Test(
        "plans and tasks for the month are turned down",
        arguments: [
            "Phương hướng, nhiệm vụ trọng tâm tháng 4 năm 2026", "Kế hoạch công tác tháng 4/2026",
            "Nhiệm vụ phát triển kinh tế - xã hội tháng 4 năm 2026",
            "Chương trình công tác tháng 4 năm 2026 của Ủy ban",
        ])
    func plans(title: String) {
        #expect(Self.reason(title, "2026-04")?.hasPrefix("a plan or tasks") == true, "\(title)")
    }

    @Test("a report that appends its tasks ahead is the report; the tasks' period is not")
    func reportWithTasks() {
        let title = "Tình hình kinh tế - xã hội tháng 4 năm 2026 và nhiệm vụ tháng 5 năm 2026"
        #expect(Self.verdict(title, "2026-04").fits)
        #expect(Self.verdict(title, "2026-05") == .unrelated)
        #expect(Self.verdict("Tình hình thực hiện kế hoạch tháng 4 năm 2026", "2026-04").fits)
    }

    @Test(
        "conferences, briefings and reviews are turned down",
        arguments: [
            ("Hội nghị giao ban kinh tế tháng 4 năm 2026", "2026-04"),
            ("Sơ kết tình hình kinh tế - xã hội 6 tháng đầu năm 2026", "2026-06"),
            ("Họp báo công bố số liệu quý I năm 2026", "2026-03"),
            ("Tổng kết công tác năm 2026, triển khai nhiệm vụ năm 2027", "2026-12"),
            ("Lãnh đạo tỉnh làm việc với sở về tình hình kinh tế tháng 5 năm 2026", "2026-05"),
            ("Đại biểu thảo luận tình hình kinh tế - xã hội 9 tháng năm 2026", "2026-09"),
            ("Ủy ban họp đánh giá tình hình kinh tế - xã hội 6 tháng đầu năm 2026", "2026-06"),
        ])
    func events(title: String, month: String) {
        #expect(Self.reason(title, month)?.hasPrefix("a conference or review") == true, "\(title)")
    }

    @Test("a report for a different period is turned down")
    func differentPeriod() {
        #expect(
            Self.reason("Tình hình kinh tế tuần 2 tháng 4 năm 2026", "2026-04")?.contains("different period") == true)
        #expect(
            Self.reason("Tình hình kinh tế tháng 4 và quý I năm 2026", "2026-03")?.contains("different period") == true)
        #expect(Self.reason("Tình hình kinh tế tháng 3 năm 2026", "2026-03", quarterly: true) != nil)
        #expect(Self.reason("Lịch phổ biến số liệu quý I năm 2026", "2026-03")?.contains("calendar") == true)
        #expect(Self.reason("Tháng Tư 2026", "2026-04")?.contains("nothing but the period") == true)
        #expect(Self.reason("Tình hình kinh tế tháng 4", "2026-04") == "the title gives no year")
    }

    static func reason(_ title: String, _ month: String, quarterly: Bool) -> String? {
        if case .rejected(let reason) = verdict(title, month, quarterly: quarterly) { return reason }
        return nil
    }
}
