import Foundation
import ProvstatCore
import ProvstatReconcile

/// A pipeline: a province's sources, the indicators read from them and the year's plan targets.
public struct PipelineDefinition: Sendable {
    /// The pipeline's name (the snapshot folder), from `pipeline:` or the file name.
    public var name: String
    /// A human title.
    public var title: String?
    /// Contact put in the User-Agent so that portal operators can reach the operator.
    public var contact: String?
    /// The sources to fetch each month.
    public var sources: [SourceDefinition]
    /// The indicators to report.
    public var indicators: [IndicatorDefinition]
    /// Plan targets by indicator and year.
    public var targets: [PlanTarget]
    /// How politely to fetch.
    public var fetch: FetchSettings
    /// Settings of the reconciliation checks.
    public var reconcile: ReconcileSettings
    /// The file it was read from.
    public var file: URL
    /// SHA-256 of the file's bytes, lowercase hex.
    public var digest: String

    public init(
        name: String, title: String? = nil, contact: String? = nil, sources: [SourceDefinition],
        indicators: [IndicatorDefinition] = [], targets: [PlanTarget] = [], fetch: FetchSettings = FetchSettings(),
        reconcile: ReconcileSettings = ReconcileSettings(), file: URL, digest: String
    ) {
        self.name = name
        self.title = title
        self.contact = contact
        self.sources = sources
        self.indicators = indicators
        self.targets = targets
        self.fetch = fetch
        self.reconcile = reconcile
        self.file = file
        self.digest = digest
    }

    /// Whether `name` may name a pipeline (and so a folder): 1 to 100 letters, digits, '-' and '_'.
    public static func isValidName(_ name: String) -> Bool {
        PipelineName.isValid(name)
    }
}
