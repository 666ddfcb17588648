import ProvstatCore
import Testing

@Suite("Month")
struct MonthTests {
    @Test(arguments: ["2023-10", "1999-01", "2024-12"])
    func parsesAndPrintsTheSameForm(text: String) throws {
        let month = try #require(Month(text))
        #expect(month.description == text)
    }

    @Test(arguments: ["2023-13", "2023-00", "2023-1", "23-10", "2023/10", "2023-10-01", "", "abcd-ef", "２０２３-10"])
    func rejectsAnythingButYYYYMM(text: String) {
        #expect(Month(text) == nil)
    }

    @Test func stepsAcrossYearBoundaries() throws {
        let january = try #require(Month("2024-01"))
        #expect(january.previous.description == "2023-12")
        #expect(january.previous.next == january)
        #expect(january.sameMonthLastYear.description == "2023-01")
        #expect(try #require(Month("2023-11")).quarter == 4)
    }

    @Test func ordersChronologically() throws {
        let months = ["2024-01", "2023-12", "2023-02"].compactMap(Month.init)
        #expect(months.sorted().map(\.description) == ["2023-02", "2023-12", "2024-01"])
    }
}
