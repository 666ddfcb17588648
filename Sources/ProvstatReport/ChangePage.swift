import Foundation
import ProvstatCore
import ProvstatSnapshot

/// `changes/YYYY-MM-vA-vB.html`: what `provstat diff` says about two consecutive versions, with why.
struct ChangePage {
    var history: PipelineHistory
    var change: VersionChange
    var scales: [String: DisplayScale]

    func html() -> String {
        let diff = change.diff
        let title =
            "\(history.pipeline) — \(ReportText.monthTitle(change.month)): v\(change.oldVersion) → v\(change.newVersion)"
        var body = "<h1>\(HTML.escape(title))</h1>\n"
        if let old = diff.oldStatus, let new = diff.newStatus {
            body += "<p>Trạng thái: \(ReportText.statusBadge(old)) → \(ReportText.statusBadge(new))</p>\n"
        }
        body += "<h2>Chỉ tiêu</h2>\n"
        if diff.indicators.isEmpty {
            body += "<p class=\"muted\">Không chỉ tiêu nào thay đổi.</p>\n"
        } else {
            body += "<table class=\"changes\"><thead><tr><th></th><th>Chỉ tiêu</th><th class=\"num\">Cũ</th>"
            body += "<th class=\"num\">Mới</th><th class=\"num\">Chênh lệch</th><th>Vì sao</th></tr></thead><tbody>\n"
            for item in diff.indicators {
                let unit = item.newUnit ?? item.oldUnit ?? ""
                let scale = scales[item.id] ?? DisplayScale.choose(unit: unit, magnitude: item.new ?? item.old ?? 0)
                let sign = item.kind == .added ? "+" : item.kind == .removed ? "−" : "~"
                body +=
                    "<tr class=\"\(item.kind.rawValue)\" data-cause=\"\(item.cause.kind.rawValue)\"><td>\(sign)</td>"
                body += "<td>\(HTML.escape(item.id))</td>"
                body += "<td class=\"num\">\(item.old.map { HTML.escape(scale.format($0)) } ?? "—")</td>"
                body +=
                    "<td class=\"num\">\(item.new.map { HTML.escape(scale.format($0)) } ?? "—")</td><td class=\"num\">"
                if let delta = item.change {
                    body += HTML.escape(scale.change(delta))
                    if let relative = item.relativeChange {
                        body += " (\(VietnameseNumber.percent(fraction: relative)))"
                    }
                }
                let others = item.fields.filter { $0 != "value" }
                if !others.isEmpty {
                    body += "<br><span class=\"muted\">đổi: \(HTML.escape(others.joined(separator: ", ")))</span>"
                }
                body += "</td><td>\(HTML.escape(item.cause.detail))</td></tr>\n"
            }
            body += "</tbody></table>\n"
        }
        if !diff.checks.isEmpty {
            body += "<h2>Kiểm tra đổi kết quả</h2>\n<table><thead><tr><th>Kiểm tra</th><th>Mức độ</th><th>Cũ → mới</th>"
            body += "<th>Thông điệp</th></tr></thead><tbody>\n"
            for check in diff.checks {
                body += "<tr><td>\(HTML.escape(check.id))</td><td>\(ReportText.severityName(check.severity))</td><td>"
                body +=
                    (check.old.map(ReportText.checkStatusName) ?? "—") + " → "
                    + (check.new.map(ReportText.checkStatusName) ?? "—")
                body += "</td><td>\(HTML.escape(check.message))</td></tr>\n"
            }
            body += "</tbody></table>\n"
        }
        if !diff.sources.isEmpty {
            body += "<h2>Trang nguồn đổi</h2>\n<ul>"
            for source in diff.sources {
                body += "<li>\(HTML.escape(source.id)): \(source.oldOutcome?.rawValue ?? "—") "
                body +=
                    "\(HTML.escape(String((source.oldDigest ?? "none").prefix(8)))) → \(source.newOutcome?.rawValue ?? "—") "
                body += "\(HTML.escape(String((source.newDigest ?? "none").prefix(8))))</li>"
            }
            body += "</ul>\n"
        }
        let text = SnapshotDiff(old: diff.old ?? "", new: diff.new ?? "", months: [diff]).text
        body += "<h2>provstat diff</h2>\n<pre>\(HTML.escape(text))</pre>\n"
        return Page.document(
            title: title,
            navigation: [
                ("../index.html", "← \(history.pipeline)"),
                ("../months/\(change.month).html", ReportText.monthTitle(change.month)),
            ],
            body: body)
    }
}
