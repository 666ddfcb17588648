import Foundation

/// How far apart two values may be and still count as equal in a diff.
///
/// A change is ignored when it is within the absolute tolerance or within the relative one.
public struct DiffTolerance: Hashable, Sendable {
    /// Largest ignored |new − old|, in the indicator's unit.
    public var absolute: Decimal?
    /// Largest ignored |new − old| / |old|, as a fraction (0.001 = 0.1 %).
    public var relative: Decimal?

    public init(absolute: Decimal? = nil, relative: Decimal? = nil) {
        self.absolute = absolute
        self.relative = relative
    }

    /// Whether the change from `old` to `new` is small enough to ignore.
    public func ignores(old: Decimal, new: Decimal) -> Bool {
        let delta = Swift.abs(new - old)
        if delta == 0 { return true }
        if let absolute, delta <= absolute { return true }
        if let relative, old != 0, delta / Swift.abs(old) <= relative { return true }
        return false
    }
}
