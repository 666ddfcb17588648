import Foundation
import ProvstatCore

/// One pipeline's figures for one month: what analysts cite. Written once, never modified.
public struct Snapshot: Codable, Hashable, Sendable {
    /// The snapshot format version this build writes.
    public static let currentSchema = 1

    /// Whether the month is published as the month's `latest`.
    public enum Status: String, Codable, Sendable {
        /// Every source fetched and every error-level check passed.
        case complete
        /// Some source failed or a required indicator is missing, but no error-level check failed.
        case partial
        /// An error-level check failed: kept for inspection, never `latest`.
        case rejected
    }

    public var schema: Int
    public var provstatVersion: String
    public var pipeline: String
    public var month: Month
    public var runID: String
    public var startedAt: String
    public var finishedAt: String
    /// SHA-256 of the pipeline definition file's bytes.
    public var definitionDigest: String
    public var sources: [SourceRecord]
    /// Every fact, grouped by source id.
    public var facts: [String: [Fact]]
    public var indicators: [String: IndicatorValue]
    public var checks: [CheckResult]
    /// Totals over `checks` and the verdict they add up to.
    public var checkSummary: CheckSummary
    public var completeness: Completeness
    public var status: Status
    /// The SHA-256 of the version this one supersedes, if any.
    public var supersedes: String?

    /// How much of what the pipeline asks for the month delivered.
    public struct Completeness: Codable, Hashable, Sendable {
        public var sourcesExpected: Int
        public var sourcesSucceeded: Int
        public var indicatorsDefined: Int
        public var indicatorsFound: Int
        public var requiredMissing: [String]

        public init(
            sourcesExpected: Int, sourcesSucceeded: Int, indicatorsDefined: Int, indicatorsFound: Int,
            requiredMissing: [String]
        ) {
            self.sourcesExpected = sourcesExpected
            self.sourcesSucceeded = sourcesSucceeded
            self.indicatorsDefined = indicatorsDefined
            self.indicatorsFound = indicatorsFound
            self.requiredMissing = requiredMissing
        }

        enum CodingKeys: String, CodingKey {
            case sourcesExpected = "sources_expected"
            case sourcesSucceeded = "sources_succeeded"
            case indicatorsDefined = "indicators_defined"
            case indicatorsFound = "indicators_found"
            case requiredMissing = "required_missing"
        }
    }

    public init(
        provstatVersion: String, pipeline: String, month: Month, runID: String, startedAt: String,
        finishedAt: String, definitionDigest: String, sources: [SourceRecord], facts: [String: [Fact]],
        indicators: [String: IndicatorValue], checks: [CheckResult], completeness: Completeness, status: Status,
        supersedes: String? = nil
    ) {
        self.schema = Self.currentSchema
        self.provstatVersion = provstatVersion
        self.pipeline = pipeline
        self.month = month
        self.runID = runID
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.definitionDigest = definitionDigest
        self.sources = sources
        self.facts = facts
        self.indicators = indicators
        self.checks = checks
        self.checkSummary = CheckSummary(checks)
        self.completeness = completeness
        self.status = status
        self.supersedes = supersedes
    }

    enum CodingKeys: String, CodingKey {
        case schema, pipeline, month, sources, facts, indicators, checks, completeness, status, supersedes
        case checkSummary = "check_summary"
        case provstatVersion = "provstat_version"
        case runID = "run_id"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case definitionDigest = "definition_digest"
    }
}
