import Foundation
import ProvstatCore

/// Rounding tolerances derived from how precisely a figure was printed.
enum Tolerance {
    /// Half a unit of the last printed digit, in base units: `1,2 tỷ` (1 decimal, 1e9) → 0,05 tỷ.
    /// Hedged figures get five times as much room.
    static func of(_ value: IndicatorValue, scale: Decimal) -> Decimal {
        let decimals = value.decimals ?? 0
        var half = scale / 2
        for _ in 0..<decimals { half /= 10 }
        return value.estimate ? half * 5 : half
    }

    /// The scale word's multiplier implied by the raw text (`tỷ` → 1e9).
    static func scale(ofRaw raw: String) -> Decimal {
        let lowered = raw.lowercased()
        if lowered.contains("nghìn tỷ") || lowered.contains("ngàn tỷ") { return 1_000_000_000_000 }
        if lowered.contains("tỷ") || lowered.contains("tỉ") { return 1_000_000_000 }
        if lowered.contains("triệu") { return 1_000_000 }
        if lowered.contains("nghìn") || lowered.contains("ngàn") { return 1_000 }
        return 1
    }

    /// The tolerance of one indicator value, from its printed precision and scale word.
    static func of(_ value: IndicatorValue) -> Decimal {
        of(value, scale: scale(ofRaw: value.provenance.raw))
    }
}
