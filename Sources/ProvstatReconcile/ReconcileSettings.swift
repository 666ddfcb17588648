import Foundation

/// Pipeline-level settings of the checks.
public struct ReconcileSettings: Sendable, Hashable {
    /// Accepted VND per USD for `tương đương` restatements.
    public var vndPerUSD: ClosedRange<Decimal>
    /// A value this many times its previous month's (or its inverse) looks like a slipped scale word.
    public var scaleSlipFactor: Decimal
    /// How far (in percentage points) a year-to-date figure may lag its phased plan before
    /// the progress check reports it.
    public var progressSlack: Decimal

    public init(
        vndPerUSD: ClosedRange<Decimal> = 20_000...27_000, scaleSlipFactor: Decimal = 300, progressSlack: Decimal = 10
    ) {
        self.vndPerUSD = vndPerUSD
        self.scaleSlipFactor = scaleSlipFactor
        self.progressSlack = progressSlack
    }
}
