import ProvstatCore

/// Fills a URL template's placeholders for one month.
enum MonthTemplate {
    /// `{year}` → 2023, `{month}` → 3, `{month2}` → 03, `{quarter}` → 1.
    static func fill(_ template: String, month: Month) -> String {
        template
            .replacingOccurrences(of: "{year}", with: String(month.year))
            .replacingOccurrences(of: "{month2}", with: month.month < 10 ? "0\(month.month)" : String(month.month))
            .replacingOccurrences(of: "{month}", with: String(month.month))
            .replacingOccurrences(of: "{quarter}", with: String(month.quarter))
    }
}
