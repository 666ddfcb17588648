import Foundation
import ProvstatCore

/// An indicator's newest value and how it moved: against the previous month and the same month
/// a year before, when those months have a value.
struct LatestFigure {
    var point: SeriesPoint
    var previous: SeriesPoint?
    var lastYear: SeriesPoint?

    init?(_ points: [SeriesPoint]) {
        guard let point = points.last else { return nil }
        self.point = point
        previous = points.first { $0.month == point.month.previous }
        lastYear = points.first { $0.month == point.month.sameMonthLastYear }
    }

    /// `+125 triệu USD (+11,2%)`, in a span coloured by its sign; `—` without a base.
    static func change(from base: SeriesPoint?, to point: SeriesPoint, scale: DisplayScale) -> String {
        guard let base else { return "<span class=\"muted\">—</span>" }
        let delta = point.value - base.value
        var text = scale.change(delta)
        if scale.unit != "%", base.value != 0 {
            text += " (" + VietnameseNumber.percent(fraction: delta / Swift.abs(base.value)) + ")"
        }
        let direction = delta > 0 ? "up" : delta < 0 ? "down" : "muted"
        return "<span class=\"\(direction)\">\(HTML.escape(text))</span>"
    }
}
