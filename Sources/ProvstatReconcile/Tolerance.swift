import Foundation
import ProvstatCore

/// Rounding tolerances derived from how precisely a figure was printed.
///
/// A figure printed as `1,2 tỷ` may stand for anything from 1,15 to 1,25 tỷ: half a unit of
/// its last printed digit, in base units. Hedged figures (*khoảng*, *ước*) get five times that.
enum Tolerance {
    /// How much wider a hedged figure's tolerance is.
    static let hedgeFactor: Decimal = 5

    /// Half a unit of the last printed digit of `value`, in base units.
    static func of(_ value: IndicatorValue) -> Decimal {
        of(
            raw: value.provenance.raw, unit: value.unit, decimals: value.decimals, scale: value.scale,
            estimate: value.estimate)
    }

    /// Half a unit of the last printed digit of `fact`, in base units.
    static func of(_ fact: Fact) -> Decimal {
        of(raw: fact.raw, unit: fact.unit, decimals: fact.decimals, scale: fact.scale, estimate: fact.estimate)
    }

    /// Half a unit of the last printed digit: the unit as printed (`scale`, a power of ten, else
    /// the scale word in `raw`) over ten to the `decimals`.
    private static func of(raw: String, unit: String, decimals: Int?, scale printed: Int?, estimate: Bool) -> Decimal {
        let decimals = decimals ?? printedDecimals(raw)
        var half: Decimal
        if let printed, unit != "%", unit != "pp" {
            half = 1
            for _ in 0..<max(0, printed) { half *= 10 }
            half /= 2
        } else {
            half = scale(ofRaw: raw, unit: unit) / 2
        }
        for _ in 0..<decimals { half /= 10 }
        return estimate ? half * hedgeFactor : half
    }

    /// Decimals printed in a raw figure when the extractor did not record them: the digits after
    /// a decimal comma (Vietnamese style; a `.` groups thousands).
    static func printedDecimals(_ raw: String) -> Int {
        let number = raw.unicodeScalars.drop { $0.properties.numericType == nil }
        var digitsAfterComma = 0
        var sawComma = false
        for scalar in number {
            if scalar == "," {
                sawComma = true
                digitsAfterComma = 0
            } else if scalar.properties.numericType != nil {
                if sawComma { digitsAfterComma += 1 }
            } else if scalar != "." {
                break
            }
        }
        return sawComma ? digitsAfterComma : 0
    }

    /// The multiplier of the scale word in a raw figure (`tỷ` → 1e9); 1 for percentages.
    static func scale(ofRaw raw: String, unit: String) -> Decimal {
        if unit == "%" || unit == "pp" { return 1 }
        let lowered = raw.lowercased()
        if lowered.contains("nghìn tỷ") || lowered.contains("ngàn tỷ") { return 1_000_000_000_000 }
        if lowered.contains("tỷ") || lowered.contains("tỉ") { return 1_000_000_000 }
        if lowered.contains("triệu") { return 1_000_000 }
        if lowered.contains("nghìn") || lowered.contains("ngàn") { return 1_000 }
        return 1
    }

    /// The tolerance of a quotient `a / b × 100` given the tolerances of a and b (first order).
    static func ofPercentage(numerator a: Decimal, _ ta: Decimal, denominator b: Decimal, _ tb: Decimal) -> Decimal {
        guard b != 0 else { return 0 }
        let ratio = a / b * 100
        let relative = (a == 0 ? 0 : ta / abs(a)) + tb / abs(b)
        return abs(ratio) * relative
    }
}
