import Foundation
import ProvstatCore

/// One indicator's chart with its caption and data table, as a card on a page.
struct IndicatorCard {
    var indicator: String
    var history: PipelineHistory
    var scale: DisplayScale
    var first: Month
    var last: Month
    /// The link on the indicator's name, relative to the page, and the link prefix to month pages.
    var indicatorLink: String?
    var monthLink: String
    var frame: ChartGeometry.Frame = .standard
    /// Whether the data table starts open.
    var tableOpen = false

    func html() -> String {
        let points = history.series(indicator)
        let plan = history.plan(indicator)
        let chart = SeriesChart(
            indicator: indicator, points: points, plan: plan, monthStatus: history.monthStatus, scale: scale,
            from: first, through: last, frame: frame)
        let name = HTML.escape(indicator)
        var out = "<figure class=\"card\" id=\"ind-\(HTML.fileName(indicator))\" data-indicator=\"\(name)\">"
        out +=
            "<h3>" + (indicatorLink.map { "<a href=\"\(HTML.escape($0))\">\(name)</a>" } ?? name)
            + " <span class=\"muted\">(\(HTML.escape(scale.unit)))</span></h3>\n"
        out += chart.svg() + "\n"
        out += "<figcaption>\(HTML.escape(chart.description))</figcaption>\n"
        out +=
            (tableOpen ? "<details open>" : "<details>")
            + "<summary>Bảng số liệu</summary><table class=\"data\"><thead><tr><th>Tháng</th>"
        out += "<th class=\"num\">Giá trị (\(HTML.escape(scale.unit)))</th>"
        if !chart.plan.isEmpty {
            out += "<th class=\"num\">Kế hoạch đến hết tháng</th><th class=\"num\">Kế hoạch năm</th>"
        }
        out += "<th>Trạng thái tháng</th></tr></thead><tbody>"
        let byMonth = Dictionary(uniqueKeysWithValues: chart.points.map { ($0.month, $0) })
        let planByMonth = Dictionary(uniqueKeysWithValues: chart.plan.map { ($0.month, $0) })
        for record in history.months where first <= record.month && record.month <= last {
            out += "<tr><td><a href=\"\(monthLink)\(record.month).html\">\(ReportText.month(record.month))</a></td>"
            out +=
                "<td class=\"num\">"
                + (byMonth[record.month].map { scale.number($0.value) + ($0.estimate ? " (ước)" : "") } ?? "—")
                + "</td>"
            if !chart.plan.isEmpty {
                let plan = planByMonth[record.month]
                out +=
                    "<td class=\"num\">"
                    + (plan.map {
                        scale.number($0.due) + " (" + VietnameseNumber.format($0.dueShare, decimals: 1) + "%)"
                    } ?? "—") + "</td>"
                out += "<td class=\"num\">" + (plan.map { scale.number($0.target) } ?? "—") + "</td>"
            }
            out += "<td>\(ReportText.statusBadge(record.status))</td></tr>"
        }
        out += "</tbody></table></details></figure>\n"
        return out
    }
}
