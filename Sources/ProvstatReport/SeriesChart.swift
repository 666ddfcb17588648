import Foundation
import ProvstatCore
import ProvstatSnapshot

/// One indicator's months as an SVG line chart with its text alternative: points per month with
/// a value, lines broken at missing months, rejected and partial months shaded, and for a
/// year-to-date indicator the year's target and the part of it due month by month.
public struct SeriesChart: Sendable {
    public var indicator: String
    public var points: [SeriesPoint]
    public var plan: [PlanPoint]
    /// The status of every month in the range that has a snapshot, for the shaded bands.
    public var monthStatus: [Month: Snapshot.Status]
    public var scale: DisplayScale
    public var geometry: ChartGeometry

    /// A chart over `first...last`; points and plan outside the range are left out.
    public init(
        indicator: String, points: [SeriesPoint], plan: [PlanPoint], monthStatus: [Month: Snapshot.Status],
        scale: DisplayScale, from first: Month, through last: Month, frame: ChartGeometry.Frame = .standard
    ) {
        let inRange = { (month: Month) in first <= month && month <= last }
        self.indicator = indicator
        self.points = points.filter { inRange($0.month) }.sorted { $0.month < $1.month }
        self.plan = plan.filter { inRange($0.month) }.sorted { $0.month < $1.month }
        self.monthStatus = monthStatus.filter { inRange($0.key) }
        self.scale = scale
        let values = self.points.map(\.value) + self.plan.flatMap { [$0.target, $0.due] }
        self.geometry = ChartGeometry(
            from: first, through: last, values: values.map { $0 / scale.divisor }, frame: frame)
    }

    /// The `<svg>` element.
    public func svg() -> String {
        let c = ChartGeometry.coordinate
        let frame = geometry.frame
        let key = HTML.fileName(indicator)
        var out = "<svg class=\"chart\" viewBox=\"0 0 \(c(frame.width)) \(c(frame.height))\""
        out += " role=\"img\" aria-labelledby=\"t-\(key) d-\(key)\" data-indicator=\"\(HTML.escape(indicator))\""
        out += " data-points=\"\(points.count)\">"
        out += "<title id=\"t-\(key)\">\(HTML.escape(title))</title>"
        out += "<desc id=\"d-\(key)\">\(HTML.escape(description))</desc>"

        // Bands behind everything: months that were rejected or partial.
        for (month, status) in monthStatus.sorted(by: { $0.key < $1.key }) where status != .complete {
            out +=
                "<rect class=\"band band-\(status.rawValue)\" data-month=\"\(month)\" x=\"\(c(geometry.x(month) - geometry.monthWidth / 2))\""
            out += " y=\"\(c(frame.top))\" width=\"\(c(geometry.monthWidth))\" height=\"\(c(frame.plotHeight))\"/>"
        }
        // The value axis: gridlines and their labels in the display scale.
        for tick in geometry.axis.ticks {
            let y = c(geometry.y(tick))
            out +=
                "<line class=\"grid\(tick == 0 ? " zero" : "")\" x1=\"\(c(frame.left))\" x2=\"\(c(frame.width - frame.right))\" y1=\"\(y)\" y2=\"\(y)\"/>"
            out +=
                "<text class=\"ytick\" x=\"\(c(frame.left - 6))\" y=\"\(y)\" text-anchor=\"end\" dominant-baseline=\"middle\">"
            out += "\(VietnameseNumber.format(tick, decimals: 6))</text>"
        }
        // The month axis.
        for month in geometry.labelledMonths {
            let x = c(geometry.x(month))
            out +=
                "<line class=\"xtick\" x1=\"\(x)\" x2=\"\(x)\" y1=\"\(c(geometry.baseline))\" y2=\"\(c(geometry.baseline + 4))\"/>"
            out +=
                "<text class=\"xlabel\" x=\"\(x)\" y=\"\(c(frame.height - 8))\" text-anchor=\"middle\">\(geometry.label(month))</text>"
        }
        out += planMarks()
        // The series: one line per run of consecutive months, then a point per month.
        for run in geometry.segments(points) where run.count > 1 {
            out +=
                "<polyline class=\"line\" points=\""
                + run.map { point in
                    "\(c(geometry.x(point.month))),\(c(geometry.y(double: scaled(point.value))))"
                }.joined(separator: " ") + "\"/>"
        }
        for point in points {
            out += "<circle class=\"pt pt-\(point.status.rawValue)\(point.estimate ? " pt-estimate" : "")\""
            out += " data-month=\"\(point.month)\" data-status=\"\(point.status.rawValue)\""
            out +=
                " cx=\"\(c(geometry.x(point.month)))\" cy=\"\(c(geometry.y(double: scaled(point.value))))\" r=\"\(points.count > 60 ? "2" : "3.5")\">"
            out += "<title>\(point.month.month)/\(point.month.year): \(HTML.escape(scale.format(point.value)))"
            out += "\(ReportText.statusNote(point.status))</title></circle>"
        }
        out += "</svg>"
        return out
    }

    /// The target as a dashed line over each year's months, and the phased amount due as a
    /// dotted line through the months that recorded it.
    private func planMarks() -> String {
        let c = ChartGeometry.coordinate
        var out = ""
        let years = Dictionary(grouping: plan, by: { $0.month.year })
        for year in years.keys.sorted() {
            let points = years[year]!
            guard let first = points.first, let last = points.last else { continue }
            let yTarget = c(geometry.y(double: scaled(last.target)))
            let start = geometry.x(first.month) - geometry.monthWidth / 2
            let end = geometry.x(last.month) + geometry.monthWidth / 2
            out +=
                "<line class=\"target\" data-year=\"\(year)\" x1=\"\(c(start))\" x2=\"\(c(end))\" y1=\"\(yTarget)\" y2=\"\(yTarget)\"/>"
            let due = points.map { "\(c(geometry.x($0.month))),\(c(geometry.y(double: scaled($0.due))))" }
            if due.count > 1 {
                out += "<polyline class=\"due\" points=\"\(due.joined(separator: " "))\"/>"
            }
            for point in points {
                out +=
                    "<path class=\"due-mark\" d=\"M\(c(geometry.x(point.month) - 4)) \(c(geometry.y(double: scaled(point.due))))h8\"/>"
            }
        }
        return out
    }

    /// A value in the display scale, as a Double for drawing.
    private func scaled(_ value: Decimal) -> Double {
        AxisScale.double(value) / AxisScale.double(scale.divisor)
    }

    /// The chart's short name.
    public var title: String {
        "\(indicator) (\(scale.unit)): \(points.count) tháng có số liệu"
    }

    /// What the chart shows, in words, for screen readers and text browsers.
    public var description: String {
        guard let first = geometry.months.first, let last = geometry.months.last else { return "" }
        var parts = ["Từ \(first.month)/\(first.year) đến \(last.month)/\(last.year)."]
        if let latest = points.last {
            parts.append("Mới nhất \(latest.month.month)/\(latest.month.year): \(scale.format(latest.value)).")
        }
        if let high = points.max(by: { $0.value < $1.value }), let low = points.min(by: { $0.value < $1.value }),
            points.count > 1
        {
            parts.append(
                "Cao nhất \(scale.format(high.value)) (\(high.month.month)/\(high.month.year)), "
                    + "thấp nhất \(scale.format(low.value)) (\(low.month.month)/\(low.month.year)).")
        }
        let missing = geometry.months.count - points.count
        if missing > 0 { parts.append("\(missing) tháng không có số liệu.") }
        for status in [Snapshot.Status.rejected, .partial] {
            let months = monthStatus.filter { $0.value == status }.keys.sorted()
            if !months.isEmpty {
                parts.append(
                    ReportText.statusName(status).capitalizedFirst + ": "
                        + months.map { "\($0.month)/\($0.year)" }.joined(separator: ", ") + ".")
            }
        }
        if let target = plan.last {
            parts.append("Kế hoạch năm \(target.month.year): \(scale.format(target.target)).")
        }
        return parts.joined(separator: " ")
    }
}
