import Foundation

/// A value axis with round ticks (steps of 1, 2 or 5 × 10ⁿ) that always shows zero, so a
/// change is never read against a cut-off baseline.
public struct AxisScale: Hashable, Sendable {
    /// The bottom of the axis.
    public var lower: Decimal
    /// The top of the axis.
    public var upper: Decimal
    /// The distance between ticks.
    public var step: Decimal

    /// Tick values from `lower` to `upper`.
    public var ticks: [Decimal] {
        var result: [Decimal] = []
        var tick = lower
        while tick <= upper {
            result.append(tick)
            tick += step
        }
        return result
    }

    /// The axis for `values` with about `targetTicks` intervals.
    public init(covering values: [Decimal], targetTicks: Int = 4) {
        let low = min(values.min() ?? 0, 0)
        var high = max(values.max() ?? 0, 0)
        if low == high { high = low == 0 ? 1 : low + Swift.abs(low) }
        let raw = Self.double(high - low) / Double(max(1, targetTicks))
        let power = Foundation.floor(Foundation.log10(raw))
        let magnitude = Self.powerOfTen(Int(power))
        let fraction = raw / Foundation.pow(10, power)
        let multiple: Decimal = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        step = multiple * magnitude
        lower = Decimal(Int(Foundation.floor(Self.double(low / step) + 1e-9))) * step
        upper = Decimal(Int(Foundation.ceil(Self.double(high / step) - 1e-9))) * step
    }

    /// 10ⁿ exactly, for negative n too.
    static func powerOfTen(_ exponent: Int) -> Decimal {
        var result: Decimal = 1
        for _ in 0..<Swift.abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }

    static func double(_ value: Decimal) -> Double {
        NSDecimalNumber(decimal: value).doubleValue
    }
}
