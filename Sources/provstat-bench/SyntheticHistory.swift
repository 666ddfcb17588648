import Foundation
import ProvstatCore
import ProvstatSnapshot

/// A made-up pipeline's monthly snapshots for `bench report`: deterministic, shaped like real
/// ones (year-to-date amounts with progress checks, monthly amounts, rates, counts).
struct SyntheticHistory {
    static let pipeline = "synthetic"
    var years: Int
    var indicators: Int

    /// Every month's snapshot, oldest first; one month comes twice (a second version).
    func snapshots() -> [Snapshot] {
        var result: [Snapshot] = []
        let first = Month(year: 2024 - years, month: 1)!
        for offset in 0..<(years * 12) {
            let month = first.advanced(by: offset)
            result.append(snapshot(month, offset: offset, revision: 0))
            if offset == years * 12 - 7 { result.append(snapshot(month, offset: offset, revision: 1)) }
        }
        return result
    }

    private func snapshot(_ month: Month, offset: Int, revision: Int) -> Snapshot {
        let url = "https://portal.example/bao-cao/\(month).html"
        let digest = SHA256Hex.digest(Data("\(month)-\(revision)".utf8))
        var values: [String: IndicatorValue] = [:]
        var checks: [CheckResult] = []
        for index in 0..<indicators where (index + offset) % 29 != 0 {
            let id = String(format: "indicator_%02d", index)
            let provenance = { (raw: String) in
                Provenance(
                    url: url, fetchedAt: "2024-01-06T04:00:00Z", sha256: digest,
                    sentence: "Tháng \(month.month) năm \(month.year), chỉ tiêu số \(index) ước đạt \(raw), "
                        + "tăng so với tháng trước và so với cùng kỳ năm trước.", raw: raw)
            }
            let wave = Decimal(((offset * 7 + index * 13) % 23) - 11)
            switch index % 4 {
            case 0:  // a year-to-date amount in USD with a plan
                let target = Decimal(1_200_000_000 + index * 10_000_000)
                let reached = target * Decimal(month.month) / 12 * (100 + wave) / 100 + Decimal(revision * 5_000_000)
                values[id] = IndicatorValue(
                    id: id, value: reached, unit: "USD", kind: .level, estimate: false,
                    period: Period(span: .yearToDate, year: month.year, number: month.month),
                    provenance: provenance("\(reached) USD"))
                checks.append(
                    CheckResult(
                        id: "progress:\(id)", indicators: [id], severity: .info, status: .pass,
                        observed: reached / target * 100, expected: Decimal(month.month) / 12 * 100, tolerance: 10,
                        message: "\(id) is on plan"))
            case 1:  // a month's amount in VND
                let amount = Decimal(2_000_000_000_000 + offset * 15_000_000_000) * (100 + wave) / 100
                values[id] = IndicatorValue(
                    id: id, value: amount, unit: "VND", kind: .level, estimate: offset % 5 == 0,
                    provenance: provenance("\(amount) đồng"))
            case 2:  // a rate
                let rate = wave / 10
                values[id] = IndicatorValue(
                    id: id, value: rate, unit: "%", kind: .growthMoM, estimate: false,
                    provenance: provenance("\(rate)%"))
            default:  // a count
                let count = Decimal(40_000 + offset * 300 + index * 100) + wave * 1000
                values[id] = IndicatorValue(
                    id: id, value: count, unit: "lượt khách", kind: .level, estimate: false,
                    provenance: provenance("\(count) lượt khách"))
            }
            checks.append(
                CheckResult(
                    id: "range:\(id)", indicators: [id], severity: .error, status: .pass,
                    message: "\(id) lies in its plausible range"))
        }
        let rejected = offset % 17 == 16 && revision == 0
        if rejected {
            checks.append(
                CheckResult(
                    id: "breakdown:indicator_00", indicators: ["indicator_00"], severity: .error, status: .fail,
                    observed: 1, expected: 2, tolerance: 0, message: "the components do not sum to the total"))
        }
        let partial = offset % 23 == 11
        let sources = [
            SourceRecord(
                id: "report", url: url, outcome: .fetched, sha256: digest, bytes: 40_000,
                fetchedAt: "2024-01-06T04:00:00Z", factCount: values.count),
            SourceRecord(
                id: "table", url: url + "?bang", outcome: partial ? .failed : .fetched,
                reason: partial ? "timeout" : nil,
                sha256: partial ? nil : digest, bytes: partial ? nil : 9_000, fetchedAt: "2024-01-06T04:00:00Z"),
        ]
        return Snapshot(
            provstatVersion: ProvstatVersion.current, pipeline: Self.pipeline, month: month,
            runID: "bench-\(month)-\(revision)", startedAt: "2024-01-06T04:00:00Z", finishedAt: "2024-01-06T04:00:05Z",
            definitionDigest: String(repeating: "0", count: 64), sources: sources, facts: [:], indicators: values,
            checks: checks,
            completeness: Snapshot.Completeness(
                sourcesExpected: 2, sourcesSucceeded: partial ? 1 : 2, indicatorsDefined: indicators,
                indicatorsFound: values.count, requiredMissing: []),
            status: rejected ? .rejected : partial ? .partial : .complete)
    }
}
