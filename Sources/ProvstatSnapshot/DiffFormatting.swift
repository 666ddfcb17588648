import Foundation

/// Number formatting shared by the diff's text and Markdown renderings.
enum DiffFormatting {
    /// A decimal exactly as stored, e.g. `1028840000` or `0.32`.
    static func value(_ value: Decimal?, unit: String?) -> String {
        guard let value else { return "—" }
        return unit.map { "\(value) \($0)" } ?? "\(value)"
    }

    /// A signed change: `+5000000`, `-0.3`.
    static func signed(_ value: Decimal?) -> String {
        guard let value else { return "" }
        return value > 0 ? "+\(value)" : "\(value)"
    }

    /// A fraction as a signed percentage with two decimals: `+0.54%`.
    static func percent(_ fraction: Decimal?) -> String {
        guard var scaled = fraction.map({ $0 * 100 }) else { return "" }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 2, .plain)
        return (rounded > 0 ? "+" : "") + "\(rounded)%"
    }

    /// `complete → partial`, or `—` for a missing side.
    static func transition<T: RawRepresentable>(_ old: T?, _ new: T?) -> String where T.RawValue == String {
        "\(old?.rawValue ?? "—") → \(new?.rawValue ?? "—")"
    }

    static func shortDigest(_ digest: String?) -> String {
        ChangeCause.short(digest)
    }
}
