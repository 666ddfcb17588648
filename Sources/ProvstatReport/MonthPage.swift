import Foundation
import ProvstatCore
import ProvstatSnapshot

/// `months/YYYY-MM.html`: the month's indicators with the sentence each came from, every check
/// (failed first), the sources, and the month's versions.
struct MonthPage {
    var history: PipelineHistory
    var record: MonthRecord
    var scales: [String: DisplayScale]

    func html() -> String {
        let snapshot = record.shown.snapshot
        let month = record.month
        var navigation: [(href: String, label: String)] = [("../index.html", "← \(history.pipeline)")]
        if let index = history.months.firstIndex(where: { $0.month == month }) {
            if index > 0 {
                let previous = history.months[index - 1].month
                navigation.append(("\(previous).html", "‹ \(ReportText.month(previous))"))
            }
            if index + 1 < history.months.count {
                let next = history.months[index + 1].month
                navigation.append(("\(next).html", "\(ReportText.month(next)) ›"))
            }
        }
        var body = "<h1>\(HTML.escape(history.pipeline)) — \(ReportText.monthTitle(month)) "
        body += ReportText.statusBadge(record.status) + "</h1>\n"
        body += "<p>" + versionNote() + "</p>\n"
        let summary = snapshot.checkSummary
        body += "<p>Kiểm tra: \(summary.evaluated + summary.skipped), trong đó \(summary.passed) đạt, "
        body += "\(summary.failedErrors + summary.failedWarnings + summary.failedInfo) không đạt "
        body += "(\(summary.failedErrors) lỗi, \(summary.failedWarnings) cảnh báo, \(summary.failedInfo) thông tin), "
        body +=
            "\(summary.skipped) bỏ qua. Nguồn: \(snapshot.completeness.sourcesSucceeded)/\(snapshot.completeness.sourcesExpected) "
        body +=
            "đọc được; chỉ tiêu: \(snapshot.completeness.indicatorsFound)/\(snapshot.completeness.indicatorsDefined)"
        if !snapshot.completeness.requiredMissing.isEmpty {
            body +=
                "; thiếu chỉ tiêu bắt buộc: "
                + HTML.escape(snapshot.completeness.requiredMissing.joined(separator: ", "))
        }
        body += ".</p>\n"
        for problem in record.problems { body += "<p class=\"down\">Không đọc được \(HTML.escape(problem))</p>\n" }

        body +=
            "<h2>Chỉ tiêu</h2>\n<table class=\"indicators\"><thead><tr><th>Chỉ tiêu</th><th class=\"num\">Giá trị</th>"
        body += "<th>Đơn vị</th><th>Loại</th><th>Ước tính</th><th>Câu nguồn</th></tr></thead><tbody>\n"
        for (id, value) in snapshot.indicators.sorted(by: { $0.key < $1.key }) {
            let scale = scales[id] ?? DisplayScale.choose(unit: value.unit, magnitude: value.value)
            body += "<tr data-indicator=\"\(HTML.escape(id))\"><td>\(HTML.escape(id))</td>"
            body += "<td class=\"num\">\(HTML.escape(scale.format(value.value)))</td>"
            body += "<td>\(HTML.escape(value.unit))</td><td>\(HTML.escape(value.kind.rawValue))"
            if let period = value.period {
                body += " <span class=\"muted\">(\(HTML.escape(period.span.rawValue)))</span>"
            }
            body += "</td><td>\(value.estimate ? "có" : "không")</td><td>"
            body += Self.sentence(value.provenance)
            for alternative in value.alternatives {
                body +=
                    "<br><span class=\"muted\">Giá trị khác: \(HTML.escape(scale.format(alternative.value)))</span> "
                body += Self.sentence(alternative.provenance)
            }
            body += "</td></tr>\n"
        }
        body += "</tbody></table>\n"

        body += "<h2>Kiểm tra</h2>\n<table class=\"checks\"><thead><tr><th>Kiểm tra</th><th>Mức độ</th><th>Kết quả</th>"
        body += "<th>Thông điệp</th></tr></thead><tbody>\n"
        for check in Self.failedFirst(snapshot.checks) {
            body +=
                "<tr class=\"\(check.status.rawValue) sev-\(check.severity.rawValue)\" data-check=\"\(HTML.escape(check.id))\">"
            body += "<td>\(HTML.escape(check.id))</td><td>\(ReportText.severityName(check.severity))</td>"
            body += "<td class=\"cs\">\(ReportText.checkStatusName(check.status))</td>"
            body += "<td>\(HTML.escape(check.message))</td></tr>\n"
        }
        body += "</tbody></table>\n"

        body += "<h2>Nguồn</h2>\n<table class=\"sources\"><thead><tr><th>Nguồn</th><th>Kết quả</th><th>Trang</th>"
        body += "<th class=\"num\">Số dữ kiện</th><th>SHA-256</th></tr></thead><tbody>\n"
        for source in snapshot.sources {
            body += "<tr><td>\(HTML.escape(source.id))</td><td>\(HTML.escape(source.outcome.rawValue))"
            if let reason = source.reason { body += "<br><span class=\"muted\">\(HTML.escape(reason))</span>" }
            body += "</td><td>\(Self.link(source.url))</td><td class=\"num\">\(source.factCount)</td>"
            body += "<td><code>\(HTML.escape(String((source.sha256 ?? "—").prefix(12))))</code></td></tr>\n"
        }
        body += "</tbody></table>\n"
        return Page.document(
            title: "\(history.pipeline) — \(ReportText.monthTitle(month))", navigation: navigation, body: body)
    }

    /// Which version is shown and why, and the other versions with links to their changes.
    private func versionNote() -> String {
        let shown = record.shown.version.map { "v\($0)" } ?? "?"
        var text = "Phiên bản \(shown)"
        if record.latest == record.shown.version {
            text += " (latest)"
        } else {
            text += " — mọi phiên bản đều bị từ chối, không có bản công bố (latest); đây là bản mới nhất"
        }
        text +=
            ", ghi lúc \(HTML.escape(record.shown.snapshot.finishedAt)), provstat \(HTML.escape(record.shown.snapshot.provstatVersion))."
        let changes = history.changes.filter { $0.month == record.month }
        if !changes.isEmpty {
            text +=
                " Các phiên bản: "
                + changes.map {
                    "<a href=\"../changes/\($0.fileName)\">v\($0.oldVersion) → v\($0.newVersion)</a>"
                }.joined(separator: ", ") + "."
        }
        if let newest = record.versions.last?.version, newest != record.shown.version {
            text += " Phiên bản mới hơn v\(newest) bị từ chối nên không thay thế bản công bố."
        }
        return text
    }

    /// Failed checks first (errors, then warnings, then info), then passed, then skipped; the
    /// snapshot's order within each group.
    static func failedFirst(_ checks: [CheckResult]) -> [CheckResult] {
        func rank(_ check: CheckResult) -> Int {
            switch check.status {
            case .fail: 2 - (check.severity == .error ? 2 : check.severity == .warning ? 1 : 0)
            case .pass: 3
            case .skipped: 4
            }
        }
        return checks.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(
            \.element)
    }

    /// The sentence a figure came from, its figure marked, and a link to the page.
    static func sentence(_ provenance: Provenance) -> String {
        var text = HTML.escape(provenance.sentence)
        let raw = HTML.escape(provenance.raw)
        if !raw.isEmpty, let range = text.range(of: raw) {
            text.replaceSubrange(range, with: "<mark>\(raw)</mark>")
        }
        return "<blockquote>\(text)</blockquote>" + link(provenance.url, label: "trang nguồn")
    }

    /// A link to a source page, or its address as text when the scheme is not followable.
    static func link(_ url: String, label: String? = nil) -> String {
        guard let href = HTML.safeLink(url) else { return "<span class=\"muted\">\(HTML.escape(url))</span>" }
        return "<a href=\"\(href)\" rel=\"noreferrer\">\(HTML.escape(label ?? url))</a>"
    }
}
