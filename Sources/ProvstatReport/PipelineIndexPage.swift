import Foundation
import ProvstatCore

/// A pipeline's `index.html`: its months, every indicator's newest value and change, a chart per
/// indicator over the chosen range (small multiples), and the version changes.
struct PipelineIndexPage {
    var history: PipelineHistory
    var scales: [String: DisplayScale]
    /// How many of the newest months the charts show.
    var recentMonths: Int
    var upToTop: String

    func html() -> String {
        let name = HTML.escape(history.pipeline)
        guard let firstMonth = history.months.first?.month, let lastRecord = history.months.last else {
            return Page.document(
                title: "\(history.pipeline) — báo cáo", navigation: [(upToTop, "Tất cả pipeline")],
                body: "<h1>\(name)</h1>\n<p>Chưa có snapshot nào.</p>\n")
        }
        let last = lastRecord.month
        let first = max(firstMonth, last.advanced(by: -(recentMonths - 1)))
        var body = "<h1>\(name) <span class=\"muted\">— báo cáo thống kê theo tháng</span></h1>\n"
        body += "<p>\(history.months.count) tháng có snapshot, từ \(ReportText.month(firstMonth)) đến "
        body +=
            "\(ReportText.month(last)). Tháng mới nhất: <a href=\"months/\(last).html\">\(ReportText.monthTitle(last))</a> "
        body += ReportText.statusBadge(lastRecord.status) + "</p>\n"
        for problem in history.unreadable { body += "<p class=\"down\">Không đọc được: \(HTML.escape(problem))</p>\n" }

        body += "<h2>Các tháng</h2>\n<ul class=\"months\">"
        for record in history.months {
            body += "<li data-month=\"\(record.month)\" data-status=\"\(record.status.rawValue)\">"
            body += "<a href=\"months/\(record.month).html\">\(ReportText.month(record.month))</a> "
            body += ReportText.statusBadge(record.status) + "</li>"
        }
        body += "</ul>\n"

        body += "<h2>Số liệu mới nhất</h2>\n<table class=\"latest\"><thead><tr><th>Chỉ tiêu</th><th>Tháng</th>"
        body += "<th class=\"num\">Giá trị</th><th class=\"num\">So với tháng trước</th>"
        body += "<th class=\"num\">So với cùng kỳ năm trước</th><th>Trạng thái tháng</th></tr></thead><tbody>\n"
        for id in history.indicatorIDs {
            guard let figure = LatestFigure(history.series(id)), let scale = scales[id] else { continue }
            body += "<tr><td><a href=\"#ind-\(HTML.fileName(id))\">\(HTML.escape(id))</a></td>"
            body += "<td><a href=\"months/\(figure.point.month).html\">\(ReportText.month(figure.point.month))</a></td>"
            body +=
                "<td class=\"num\">\(HTML.escape(scale.format(figure.point.value)))\(figure.point.estimate ? " (ước)" : "")</td>"
            body +=
                "<td class=\"num\">" + LatestFigure.change(from: figure.previous, to: figure.point, scale: scale)
                + "</td>"
            body +=
                "<td class=\"num\">" + LatestFigure.change(from: figure.lastYear, to: figure.point, scale: scale)
                + "</td>"
            body += "<td>" + ReportText.statusBadge(figure.point.status) + "</td></tr>\n"
        }
        body += "</tbody></table>\n"

        let months = ChartGeometry(from: first, through: last, values: []).months.count
        body += "<h2>Biểu đồ</h2>\n<p>\(months) tháng gần nhất (\(ReportText.month(first))–\(ReportText.month(last)))"
        body += first > firstMonth ? "; toàn bộ chuỗi ở trang của từng chỉ tiêu.</p>\n" : ".</p>\n"
        body += Page.legend
        body += "<div class=\"grid-charts\">\n"
        for id in history.indicatorIDs {
            guard let scale = scales[id] else { continue }
            body += IndicatorCard(
                indicator: id, history: history, scale: scale, first: first, last: last,
                indicatorLink: "indicators/\(HTML.fileName(id)).html", monthLink: "months/", frame: .compact
            ).html()
        }
        body += "</div>\n"

        body += "<h2>Thay đổi giữa các phiên bản</h2>\n"
        if history.changes.isEmpty {
            body += "<p class=\"muted\">Mỗi tháng mới có một phiên bản.</p>\n"
        } else {
            body += "<ul>"
            for change in history.changes {
                let count = change.diff.indicators.count
                body += "<li><a href=\"changes/\(change.fileName)\">\(ReportText.monthTitle(change.month)): "
                body += "v\(change.oldVersion) → v\(change.newVersion)</a> — \(count) chỉ tiêu thay đổi"
                if change.diff.oldStatus != change.diff.newStatus, let old = change.diff.oldStatus,
                    let new = change.diff.newStatus
                {
                    body += ", \(ReportText.statusName(old)) → \(ReportText.statusName(new))"
                }
                body += "</li>"
            }
            body += "</ul>\n"
        }
        return Page.document(
            title: "\(history.pipeline) — báo cáo", navigation: [(upToTop, "Tất cả pipeline")], body: body)
    }
}
