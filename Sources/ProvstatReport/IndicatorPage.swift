import Foundation
import ProvstatCore

/// `indicators/ID.html`: one indicator over every month, with its data table open.
struct IndicatorPage {
    var history: PipelineHistory
    var indicator: String
    var scale: DisplayScale

    func html() -> String {
        guard let first = history.months.first?.month, let last = history.months.last?.month else { return "" }
        var body = "<h1>\(HTML.escape(history.pipeline)) — \(HTML.escape(indicator))</h1>\n"
        body += "<p>Đơn vị: \(HTML.escape(history.unit(indicator))), hiển thị theo \(HTML.escape(scale.unit)).</p>\n"
        body += Page.legend
        let card = IndicatorCard(
            indicator: indicator, history: history, scale: scale, first: first, last: last, indicatorLink: nil,
            monthLink: "../months/",
            frame: ChartGeometry.Frame(width: 1100, height: 320, left: 72, right: 16, top: 12, bottom: 28),
            tableOpen: true)
        body += card.html()
        return Page.document(
            title: "\(history.pipeline) — \(indicator)", navigation: [("../index.html", "← \(history.pipeline)")],
            body: body)
    }
}
