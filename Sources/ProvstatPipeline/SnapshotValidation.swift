import Foundation
import ProvstatCore
import ProvstatSnapshot

/// `provstat validate`: a written snapshot's facts mapped and checked again with today's
/// pipeline definition and today's published history, without fetching anything.
public struct SnapshotValidation: Sendable {
    /// The indicators as today's definition reads them.
    public var indicators: [String: IndicatorValue]
    /// Every check, re-run.
    public var checks: [CheckResult]
    /// The status the snapshot would have today.
    public var status: Snapshot.Status

    /// Re-runs the checks of `snapshot` with `definition`, reading earlier months under `outputRoot`.
    public init(snapshot: Snapshot, definition: PipelineDefinition, outputRoot: URL) {
        let evaluation = MonthReconciliation(definition: definition, month: snapshot.month, outputRoot: outputRoot)
            .evaluate(
                MonthReconciliation.sourcedFacts(of: snapshot.sources, facts: snapshot.facts), sources: snapshot.sources
            )
        indicators = evaluation.values
        checks = evaluation.checks
        status = evaluation.status(
            sourcesSucceeded: snapshot.sources.filter(\.succeeded).count, sourcesExpected: snapshot.sources.count)
    }
}
