import Foundation
import ProvstatCore
import ProvstatSnapshot

/// The top `index.html`: every pipeline with its newest month and that month's status.
struct TopPage {
    /// Per pipeline: its name, the link to its index, and its newest month's record if any.
    var entries: [(pipeline: String, link: String, last: MonthRecord?, months: Int)]

    func html() -> String {
        var body = "<h1>Báo cáo thống kê tỉnh theo tháng</h1>\n"
        body += "<table class=\"pipelines\"><thead><tr><th>Pipeline</th><th class=\"num\">Số tháng</th>"
        body += "<th>Tháng mới nhất</th><th>Phiên bản</th><th>Trạng thái</th></tr></thead><tbody>\n"
        for entry in entries {
            body += "<tr data-pipeline=\"\(HTML.escape(entry.pipeline))\"><td><a href=\"\(HTML.escape(entry.link))\">"
            body += "\(HTML.escape(entry.pipeline))</a></td><td class=\"num\">\(entry.months)</td>"
            if let last = entry.last {
                body += "<td>\(ReportText.month(last.month))</td><td>v\(last.shown.version ?? 0)</td>"
                body += "<td>\(ReportText.statusBadge(last.status))</td>"
            } else {
                body += "<td>—</td><td>—</td><td>—</td>"
            }
            body += "</tr>\n"
        }
        body += "</tbody></table>\n"
        return Page.document(title: "provstat — báo cáo", navigation: [], body: body)
    }
}
