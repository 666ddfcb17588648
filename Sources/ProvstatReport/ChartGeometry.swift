import Foundation
import ProvstatCore

/// Where things go in a monthly chart: one x position per calendar month of the range (so a
/// missing month leaves a gap of its own width), a y position per value on a round axis.
public struct ChartGeometry: Hashable, Sendable {
    /// The drawing's size and the margins around the plot, in SVG user units.
    public struct Frame: Hashable, Sendable {
        public var width: Double
        public var height: Double
        public var left: Double
        public var right: Double
        public var top: Double
        public var bottom: Double

        public init(width: Double, height: Double, left: Double, right: Double, top: Double, bottom: Double) {
            self.width = width
            self.height = height
            self.left = left
            self.right = right
            self.top = top
            self.bottom = bottom
        }

        /// The size used on the pages: wide enough for ten years of months.
        public static let standard = Frame(width: 640, height: 220, left: 64, right: 16, top: 12, bottom: 28)

        /// The size of a small multiple on a pipeline's index (its text stays legible at card width).
        public static let compact = Frame(width: 380, height: 180, left: 62, right: 10, top: 10, bottom: 26)

        public var plotWidth: Double { width - left - right }
        public var plotHeight: Double { height - top - bottom }
    }

    /// Every calendar month from the first to the last, in order.
    public let months: [Month]
    public let axis: AxisScale
    public let frame: Frame

    /// A chart over `first...last` whose axis covers `values` (the series and any plan).
    public init(from first: Month, through last: Month, values: [Decimal], frame: Frame = .standard) {
        var months: [Month] = []
        var month = first
        while month <= last {
            months.append(month)
            month = month.next
        }
        self.months = months
        self.axis = AxisScale(covering: values)
        self.frame = frame
    }

    /// The width one month takes.
    public var monthWidth: Double {
        frame.plotWidth / Double(max(1, months.count))
    }

    /// The x of a month: the middle of its slot.
    public func x(_ month: Month) -> Double {
        let index = months.first.map { Self.index(month) - Self.index($0) } ?? 0
        return frame.left + (Double(index) + 0.5) * monthWidth
    }

    /// The y of a value (SVG's y grows downwards).
    public func y(_ value: Decimal) -> Double {
        y(double: AxisScale.double(value))
    }

    /// The y of a value already turned into a Double.
    public func y(double value: Double) -> Double {
        let lower = AxisScale.double(axis.lower)
        let span = AxisScale.double(axis.upper) - lower
        let share = span == 0 ? 0 : (value - lower) / span
        return frame.top + frame.plotHeight * (1 - share)
    }

    /// The y of the plot's bottom edge.
    public var baseline: Double { frame.top + frame.plotHeight }

    /// Points split into runs of consecutive months: a line is drawn within a run, never across
    /// a month without a value.
    public func segments(_ points: [SeriesPoint]) -> [[SeriesPoint]] {
        var runs: [[SeriesPoint]] = []
        for point in points.sorted(by: { $0.month < $1.month }) {
            if let last = runs.last?.last, last.month.next == point.month {
                runs[runs.count - 1].append(point)
            } else {
                runs.append([point])
            }
        }
        return runs
    }

    /// The months that get a label on the x axis: every month when few, else every 2nd, 3rd,
    /// 6th or 12th month aligned to the calendar (quarters, half years, Januaries), at most about 10.
    public var labelledMonths: [Month] {
        guard let first = months.first else { return [] }
        let step = [1, 2, 3, 6, 12, 24, 60].first { (months.count + $0 - 1) / $0 <= 10 } ?? 120
        let labelled = months.filter { (Self.index($0)) % step == 0 }
        return labelled.isEmpty ? [first] : labelled
    }

    /// The label of a month on the axis: `8/2023`, or just the year when only Januaries are labelled.
    public func label(_ month: Month) -> String {
        labelledMonths.count > 1 && labelledMonths.allSatisfy({ $0.month == 1 })
            ? "\(month.year)" : "\(month.month)/\(month.year)"
    }

    /// A month's index on a continuous count (year × 12 + month − 1).
    static func index(_ month: Month) -> Int {
        month.year * 12 + month.month - 1
    }

    /// A coordinate with one decimal, the same bytes on every machine: `123.4`, `64`.
    public static func coordinate(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = Swift.abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
