import Foundation
import ProvstatCore

/// Recognises the month (or quarter) a Vietnamese report title is about.
///
/// Accepts "tháng 3 năm 2023", "tháng 03/2023", "tháng 3-2023", "T3/2023", "tháng ba năm 2023",
/// and, for quarterly sources, "quý I năm 2023", "quý 1/2023". "9 tháng năm 2023" (nine months)
/// is a year-to-date report for September and matches September too.
struct MonthTitleMatcher {
    let month: Month
    let quarterly: Bool

    private static let monthWords = [
        "một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
        "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12,
    ]
    private static let romanQuarters = ["i": 1, "ii": 2, "iii": 3, "iv": 4]

    func matches(_ title: String) -> Bool {
        let text = title.precomposedStringWithCanonicalMapping.lowercased()
        return quarterly ? matchesQuarter(text) : matchesMonth(text)
    }

    private func matchesMonth(_ text: String) -> Bool {
        let year = String(month.year)
        let numbers = "(0?\(month.month))"
        // "tháng"/"t" must start a word: "đạt 3/2023" or "Kết 3-2023" are not month names.
        let patterns = [
            "(?<![\\p{L}0-9])(tháng|t)\\s*\(numbers)\\s*(năm|/|-|\\.)\\s*\(year)(?![0-9])",
            "(?<![0-9])\(numbers)\\s*tháng\\s*(đầu\\s*)?năm\\s*\(year)(?![0-9])",
        ]
        if patterns.contains(where: { text.range(of: $0, options: .regularExpression) != nil }) { return true }
        for (word, number) in Self.monthWords where number == month.month {
            let pattern = "(?<![\\p{L}])tháng\\s+\(word)\\s*(năm\\s+|/|-)\\s*\(year)(?![0-9])"
            if text.range(of: pattern, options: .regularExpression) != nil { return true }
        }
        return false
    }

    private func matchesQuarter(_ text: String) -> Bool {
        let year = String(month.year)
        let roman = Self.romanQuarters.first(where: { $0.value == month.quarter })!.key
        let pattern = "(?<![\\p{L}])quý\\s*(\(roman)|\(month.quarter))(?![iv0-9])\\s*(năm|/|-)\\s*\(year)(?![0-9])"
        return text.range(of: pattern, options: .regularExpression) != nil
    }
}
