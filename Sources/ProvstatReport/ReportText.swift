import ProvstatCore
import ProvstatSnapshot

/// The report's words: Vietnamese labels for statuses, severities and kinds.
enum ReportText {
    /// `complete` → `đầy đủ`, …
    static func statusName(_ status: Snapshot.Status) -> String {
        switch status {
        case .complete: "đầy đủ"
        case .partial: "thiếu một phần"
        case .rejected: "bị từ chối"
        }
    }

    /// A badge for a month's status, with the English code kept as a class and data attribute.
    static func statusBadge(_ status: Snapshot.Status) -> String {
        "<span class=\"badge st-\(status.rawValue)\" data-status=\"\(status.rawValue)\">\(statusName(status))</span>"
    }

    /// Appended to a point's tooltip when its month is not complete.
    static func statusNote(_ status: Snapshot.Status) -> String {
        status == .complete ? "" : " (tháng \(statusName(status)))"
    }

    static func severityName(_ severity: CheckResult.Severity) -> String {
        switch severity {
        case .error: "lỗi"
        case .warning: "cảnh báo"
        case .info: "thông tin"
        }
    }

    static func checkStatusName(_ status: CheckResult.Status) -> String {
        switch status {
        case .pass: "đạt"
        case .fail: "không đạt"
        case .skipped: "bỏ qua"
        }
    }

    /// `8/2023`.
    static func month(_ month: Month) -> String {
        "\(month.month)/\(month.year)"
    }

    /// `tháng 8/2023`.
    static func monthTitle(_ month: Month) -> String {
        "tháng \(month.month)/\(month.year)"
    }
}

extension String {
    /// The string with its first character upper-cased.
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
