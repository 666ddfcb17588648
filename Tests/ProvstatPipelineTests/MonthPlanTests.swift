import Foundation
import ProvstatCore
import ProvstatPipeline
import Testing

@Suite("Which months a run processes")
struct MonthPlanTests {
    /// 2023-11-06T04:00:00Z, when the timer fires in November.
    static let november6 = Date(timeIntervalSince1970: 1_699_243_200)

    static func plan(
        _ request: MonthPlan.Request, reprocess: MonthPlan.Reprocess? = nil,
        states: [String: MonthPlan.MonthState] = [:]
    ) -> [String] {
        MonthPlan.plan(
            request, reprocess: reprocess, now: november6, currentVersion: "2.0", currentDigest: "new",
            state: { states[$0.description] ?? .none }
        ).entries.map(\.month.description)
    }

    @Test func aScheduledRunTakesTheMonthThatJustClosed() {
        #expect(Self.plan(.scheduled(lagDays: 0)) == ["2023-10"])
        // With a week's lag the 6th is still too early for October.
        #expect(Self.plan(.scheduled(lagDays: 7)) == ["2023-09"])
    }

    @Test func theClosedMonthCrossesTheYear() {
        let january3 = Date(timeIntervalSince1970: 1_704_240_000)  // 2024-01-03
        #expect(MonthPlan.closedMonth(now: january3, lagDays: 0).description == "2023-12")
        #expect(MonthPlan.closedMonth(now: january3, lagDays: 5).description == "2023-11")
    }

    @Test func aRangeRunsInOrder() {
        #expect(
            Self.plan(.range(from: Month("2023-11")!, to: Month("2024-02")!)) == [
                "2023-11", "2023-12", "2024-01", "2024-02",
            ])
        #expect(Self.plan(.range(from: Month("2024-02")!, to: Month("2023-11")!)).isEmpty)
    }

    @Test func catchUpRunsEverythingSinceTheLastCompleteMonth() {
        let states = [
            "2023-07": MonthPlan.MonthState(newestStatus: "complete", published: true),
            "2023-08": MonthPlan.MonthState(newestStatus: "rejected"),
        ]
        #expect(Self.plan(.catchUp(lagDays: 0, limit: 12), states: states) == ["2023-08", "2023-09", "2023-10"])
    }

    @Test func catchUpIsBounded() {
        #expect(Self.plan(.catchUp(lagDays: 0, limit: 3)) == ["2023-08", "2023-09", "2023-10"])
        #expect(Self.plan(.catchUp(lagDays: 0, limit: 1)) == ["2023-10"])
    }

    static let history: [String: MonthPlan.MonthState] = [
        "2023-07": .init(newestStatus: "complete", published: true, provstatVersion: "2.0", definitionDigest: "new"),
        "2023-08": .init(newestStatus: "complete", published: true, provstatVersion: "1.9", definitionDigest: "new"),
        "2023-09": .init(newestStatus: "partial", published: true, provstatVersion: "2.0", definitionDigest: "old"),
    ]
    static let range = MonthPlan.Request.range(from: Month("2023-07")!, to: Month("2023-10")!)

    @Test func reprocessMissing() {
        #expect(Self.plan(Self.range, reprocess: .missing, states: Self.history) == ["2023-10"])
    }

    @Test func reprocessFailed() {
        #expect(Self.plan(Self.range, reprocess: .failed, states: Self.history) == ["2023-09", "2023-10"])
    }

    @Test func reprocessStaleFindsOlderReleasesAndDefinitions() {
        let plan = MonthPlan.plan(
            Self.range, reprocess: .stale, now: Self.november6, currentVersion: "2.0", currentDigest: "new",
            state: { Self.history[$0.description] ?? .none })
        #expect(plan.entries.map(\.month.description) == ["2023-08", "2023-09", "2023-10"])
        #expect(plan.entries[0].reason.contains("1.9"))
        #expect(plan.entries[1].reason.contains("definition"))
    }

    @Test func reprocessAll() {
        #expect(Self.plan(Self.range, reprocess: .all, states: Self.history).count == 4)
    }

    @Test func reprocessStaleFindsChangedSourcePages() {
        var changed = Self.history
        changed["2023-07"]?.changedSources = ["monthly-report"]
        let plan = MonthPlan.plan(
            Self.range, reprocess: .stale, now: Self.november6, currentVersion: "2.0", currentDigest: "new",
            state: { changed[$0.description] ?? .none })
        #expect(plan.entries.first?.month.description == "2023-07")
        #expect(plan.entries.first?.reason == "source pages changed since: monthly-report")
    }
}
