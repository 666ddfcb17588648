import Foundation
import ProvstatCore
import ProvstatReconcile
import ProvstatSnapshot

/// Maps a month's facts to the definition's indicators and runs every check, reading the
/// months before from the published snapshots. Shared by `run` and `validate`.
struct MonthReconciliation {
    let definition: PipelineDefinition
    let month: Month
    let outputRoot: URL

    /// What the checks made of a month.
    struct Evaluation {
        var values: [String: IndicatorValue]
        var checks: [CheckResult]
        /// Required indicators no fact matched.
        var requiredMissing: [String]

        /// `rejected` when an error-level check failed; `partial` when a source failed or a
        /// required indicator is missing; else `complete`.
        func status(sourcesSucceeded: Int, sourcesExpected: Int) -> Snapshot.Status {
            if checks.contains(where: { $0.status == .fail && $0.severity == .error }) { return .rejected }
            if sourcesSucceeded < sourcesExpected || !requiredMissing.isEmpty { return .partial }
            return .complete
        }
    }

    /// The indicators and checks of the month; `sources` (with `textless`, the ids of pages that
    /// gave no text at all) adds a warning for each source read that yielded nothing.
    func evaluate(_ facts: [SourcedFact], sources: [SourceRecord] = [], textless: Set<String> = []) -> Evaluation {
        let mapped = IndicatorMapper(definitions: definition.indicators, month: month).mapAll(facts)
        let history = PublishedHistory(root: outputRoot, pipeline: definition.name)
        let checks = Reconciler().check(
            ReconcileInput(
                month: month, definitions: definition.indicators, targets: definition.targets, mapped: mapped,
                facts: facts, previousMonth: history.indicators(of: month.previous),
                lastYear: history.indicators(of: month.sameMonthLastYear), settings: definition.reconcile))
        let requiredMissing = definition.indicators.filter { $0.required && mapped.values[$0.id] == nil }.map(\.id)
        let silent = silentSources(sources, textless: textless, history: history)
        return Evaluation(values: mapped.values, checks: checks + silent, requiredMissing: requiredMissing)
    }

    /// A failed warning for each source that was read but gave no text, or no figures where
    /// last month's published snapshot had figures from it: a page lost in silence otherwise.
    /// Only failures are listed, so that snapshots of healthy months keep their checks.
    func silentSources(
        _ sources: [SourceRecord], textless: Set<String>, history: PublishedHistory
    ) -> [CheckResult] {
        let read = sources.filter(\.succeeded)
        let empty = read.filter { $0.factCount == 0 }
        guard !empty.isEmpty else { return [] }
        let before = history.factCounts(of: month.previous) ?? [:]
        return empty.compactMap { source in
            let earlier = before[source.id] ?? 0
            let message: String
            if textless.contains(source.id) {
                message =
                    "source \(source.id) was read (\(source.bytes ?? 0) bytes from \(source.url)) but gave no text: "
                    + "check the page, its character set and the source's xpath"
            } else if earlier > 0 {
                message =
                    "source \(source.id) gave no figures, where \(month.previous) gave \(earlier) from it: check \(source.url) "
                    + "(a changed layout, an empty page or the wrong link)"
            } else {
                return nil
            }
            return CheckResult(
                id: "source:\(source.id)", indicators: [], severity: .warning, status: .fail,
                observed: 0, expected: earlier > 0 ? Decimal(earlier) : nil, message: message)
        }
    }

    /// The facts of a snapshot's sources, with their pages' provenance, in source order.
    static func sourcedFacts(of sources: [SourceRecord], facts: [String: [Fact]]) -> [SourcedFact] {
        sources.filter(\.succeeded).flatMap { source in
            (facts[source.id] ?? []).map {
                SourcedFact(fact: $0, url: source.url, fetchedAt: source.fetchedAt ?? "", sha256: source.sha256 ?? "")
            }
        }
    }
}
