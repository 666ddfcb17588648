import Foundation

/// The outcome of one reconciliation check.
public struct CheckResult: Codable, Hashable, Sendable {
    /// How much a failure matters.
    public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
        case info, warning, error

        private var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// Whether the check held.
    public enum Status: String, Codable, Sendable {
        case pass, fail, skipped
    }

    /// Stable id, e.g. `breakdown:exports` or `plan:exports`.
    public var id: String
    /// The indicators involved.
    public var indicators: [String]
    public var severity: Severity
    public var status: Status
    /// The figure observed (e.g. the sum of the components).
    public var observed: Decimal?
    /// The figure expected (e.g. the total).
    public var expected: Decimal?
    /// How far apart they may be and still pass.
    public var tolerance: Decimal?
    /// What a person should know or do.
    public var message: String
    /// The figures involved.
    public var provenance: [Provenance]

    public init(
        id: String, indicators: [String], severity: Severity, status: Status, observed: Decimal? = nil,
        expected: Decimal? = nil, tolerance: Decimal? = nil, message: String, provenance: [Provenance] = []
    ) {
        self.id = id
        self.indicators = indicators
        self.severity = severity
        self.status = status
        self.observed = observed
        self.expected = expected
        self.tolerance = tolerance
        self.message = message
        self.provenance = provenance
    }
}
