import Foundation

/// How one indicator's values are shown: the multiple they are divided by and the unit then
/// written after them (`1245600000 USD` → `1.245,6 triệu USD`), chosen once per indicator so
/// that every month and the chart's axis use the same one.
public struct DisplayScale: Hashable, Sendable {
    /// What a value is divided by before it is printed.
    public var divisor: Decimal
    /// The unit printed after the number (`triệu USD`, `tỷ đồng`, `%`).
    public var unit: String
    /// The most decimals printed.
    public var decimals: Int

    /// `divisor` as a power of ten, when it is one: dividing then only moves the exponent
    /// (a decimal division of a long mantissa is slow).
    private let shift: Int?

    public init(divisor: Decimal, unit: String, decimals: Int) {
        self.divisor = divisor
        self.unit = unit
        self.decimals = decimals
        let power = Int(Foundation.log10(AxisScale.double(divisor)).rounded())
        shift = power >= 0 && AxisScale.powerOfTen(power) == divisor ? power : nil
    }

    /// A value in this scale: `1245600000` → `1245.6` for millions.
    public func scaled(_ value: Decimal) -> Decimal {
        guard let shift, !value.isZero else { return value / divisor }
        return Decimal(sign: value.sign, exponent: value.exponent - shift, significand: value.significand)
    }

    /// The scale for values in the canonical `unit` whose largest magnitude is `magnitude`:
    /// money in *triệu*/*tỷ* as Vietnamese reports write it, other units as they are.
    public static func choose(unit: String, magnitude: Decimal) -> DisplayScale {
        let size = Swift.abs(magnitude)
        switch unit {
        case "VND":
            if size >= 1_000_000_000 { return DisplayScale(divisor: 1_000_000_000, unit: "tỷ đồng", decimals: 1) }
            if size >= 1_000_000 { return DisplayScale(divisor: 1_000_000, unit: "triệu đồng", decimals: 1) }
            return DisplayScale(divisor: 1, unit: "đồng", decimals: 0)
        case "USD", "EUR":
            if size >= 1_000_000 { return DisplayScale(divisor: 1_000_000, unit: "triệu \(unit)", decimals: 1) }
            if size >= 1_000 { return DisplayScale(divisor: 1_000, unit: "nghìn \(unit)", decimals: 1) }
            return DisplayScale(divisor: 1, unit: unit, decimals: 2)
        case "%": return DisplayScale(divisor: 1, unit: "%", decimals: 2)
        case "pp": return DisplayScale(divisor: 1, unit: "điểm %", decimals: 2)
        case "t": return DisplayScale(divisor: 1, unit: "tấn", decimals: 1)
        case "times": return DisplayScale(divisor: 1, unit: "lần", decimals: 2)
        default: return DisplayScale(divisor: 1, unit: unit, decimals: 2)
        }
    }

    /// The number alone, scaled: `1.245,6`.
    public func number(_ value: Decimal) -> String {
        VietnameseNumber.format(scaled(value), decimals: decimals)
    }

    /// The number and its unit: `1.245,6 triệu USD`, `0,32%`.
    public func format(_ value: Decimal) -> String {
        unit == "%" ? number(value) + "%" : number(value) + " " + unit
    }

    /// A signed difference with its unit: `+125 triệu USD`; percentage points for `%` values.
    public func change(_ delta: Decimal) -> String {
        let number = VietnameseNumber.signed(scaled(delta), decimals: decimals)
        return unit == "%" ? number + " điểm %" : number + " " + unit
    }
}
