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

    /// The indicators and checks of the month.
    func evaluate(_ facts: [SourcedFact]) -> Evaluation {
        let mapped = IndicatorMapper(definitions: definition.indicators, month: month).mapAll(facts)
        let history = PublishedHistory(root: outputRoot, pipeline: definition.name)
        let checks = Reconciler().check(
            ReconcileInput(
                month: month, definitions: definition.indicators, targets: definition.targets, mapped: mapped,
                facts: facts, previousMonth: history.indicators(of: month.previous),
                lastYear: history.indicators(of: month.sameMonthLastYear), settings: definition.reconcile))
        let requiredMissing = definition.indicators.filter { $0.required && mapped.values[$0.id] == nil }.map(\.id)
        return Evaluation(values: mapped.values, checks: checks, requiredMissing: requiredMissing)
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
