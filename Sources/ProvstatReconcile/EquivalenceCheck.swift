import Foundation
import ProvstatCore

/// A VND amount restated in USD (*tương đương*) implies an exchange rate inside the configured band.
enum EquivalenceCheck {
    static func run(_ input: ReconcileInput) -> [CheckResult] {
        var results: [CheckResult] = []
        // `equivalentOf` indexes the facts of the same page, in the extractor's order.
        var pages: [[SourcedFact]] = []
        for sourced in input.facts {
            if let last = pages.last?.last, last.url == sourced.url, last.sha256 == sourced.sha256 {
                pages[pages.count - 1].append(sourced)
            } else {
                pages.append([sourced])
            }
        }
        for facts in pages {
            for restatement in facts {
                guard let target = restatement.fact.equivalentOf, facts.indices.contains(target),
                    let (vnd, usd) = pair(facts[target], restatement)
                else { continue }
                results.append(check(vnd: vnd, usd: usd, band: input.settings.vndPerUSD, number: results.count + 1))
            }
        }
        return results
    }

    private static func pair(_ a: SourcedFact, _ b: SourcedFact) -> (SourcedFact, SourcedFact)? {
        switch (a.fact.unit, b.fact.unit) {
        case ("VND", "USD"): (a, b)
        case ("USD", "VND"): (b, a)
        default: nil
        }
    }

    private static func check(vnd: SourcedFact, usd: SourcedFact, band: ClosedRange<Decimal>, number: Int)
        -> CheckResult
    {
        let id = "equivalent:\(number)"
        guard usd.fact.value != 0 else {
            return Comparison.skipped(id, [], .warning, "a zero USD amount implies no rate")
        }
        let rate = vnd.fact.value / usd.fact.value
        let inside = band.contains(rate)
        let subject = vnd.fact.subject.isEmpty ? vnd.fact.raw : vnd.fact.subject
        return CheckResult(
            id: id, indicators: [], severity: .warning, status: inside ? .pass : .fail,
            observed: Comparison.round(rate), expected: nil, tolerance: nil,
            message: inside
                ? "\(vnd.fact.raw) ≈ \(usd.fact.raw) implies \(Comparison.format(rate)) VND/USD, inside the "
                    + "\(band.lowerBound)–\(band.upperBound) band"
                : "\(subject): \(vnd.fact.raw) ≈ \(usd.fact.raw) implies \(Comparison.format(rate)) VND/USD, "
                    + "outside the \(band.lowerBound)–\(band.upperBound) band; one of the two figures is probably misread",
            provenance: [vnd.provenance, usd.provenance])
    }
}
