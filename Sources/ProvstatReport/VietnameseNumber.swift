import Foundation

/// Numbers in the Vietnamese style: `.` groups thousands, `,` marks decimals (`1.245,6`).
public enum VietnameseNumber {
    /// `value` rounded (half away from zero) to at most `decimals` decimals, trailing zeros
    /// dropped unless `fixed`: `1245.6` → `1.245,6`, `-0.3` → `-0,3`, `1500` → `1.500`.
    public static func format(_ value: Decimal, decimals: Int, fixed: Bool = false) -> String {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, max(0, decimals), .plain)
        // Decimal's description is locale-independent: digits, an optional '-' and '.'.
        let plain = rounded.isZero ? "0" : "\(rounded)"
        let negative = plain.hasPrefix("-")
        let digits = negative ? String(plain.dropFirst()) : plain
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if fixed {
            fraction += String(repeating: "0", count: max(0, decimals - fraction.count))
        } else {
            while fraction.hasSuffix("0") { fraction.removeLast() }
        }
        var text = grouped(String(parts[0]))
        if !fraction.isEmpty { text += "," + fraction }
        return negative ? "-" + text : text
    }

    /// A change with its sign always shown: `+125,0`, `-3,2`, `0`.
    public static func signed(_ value: Decimal, decimals: Int, fixed: Bool = false) -> String {
        let text = format(value, decimals: decimals, fixed: fixed)
        let isZero = text.allSatisfy { $0 == "0" || $0 == "," }
        return text.hasPrefix("-") || isZero ? text : "+" + text
    }

    /// A fraction as a signed percentage with one decimal: `0.1123` → `+11,2%`.
    public static func percent(fraction: Decimal) -> String {
        signed(fraction * 100, decimals: 1, fixed: true) + "%"
    }

    /// `1234567` → `1.234.567`.
    static func grouped(_ integer: String) -> String {
        var result = ""
        for (index, character) in integer.enumerated() {
            if index > 0, (integer.count - index) % 3 == 0 { result.append(".") }
            result.append(character)
        }
        return result
    }
}
