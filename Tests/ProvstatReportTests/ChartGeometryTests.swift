import Foundation
import ProvstatCore
import Testing

@testable import ProvstatReport

@Suite("Chart geometry")
struct ChartGeometryTests {
    /// A 120 × 100 plot at (20, 10): round numbers for exact positions.
    let frame = ChartGeometry.Frame(width: 140, height: 120, left: 20, right: 0, top: 10, bottom: 10)

    func month(_ text: String) -> Month { Month(text)! }

    @Test("Each calendar month gets a slot; a point sits in the middle of its slot")
    func xPositions() {
        let geometry = ChartGeometry(from: month("2023-01"), through: month("2023-04"), values: [10, 40], frame: frame)
        #expect(geometry.months.map(\.description) == ["2023-01", "2023-02", "2023-03", "2023-04"])
        #expect(geometry.monthWidth == 30)
        #expect(geometry.x(month("2023-01")) == 35)
        #expect(geometry.x(month("2023-03")) == 95)
        #expect(geometry.x(month("2023-04")) == 125)
    }

    @Test("The value axis starts at zero with round ticks; y grows downwards")
    func yPositions() {
        let geometry = ChartGeometry(from: month("2023-01"), through: month("2023-04"), values: [10, 40], frame: frame)
        #expect(geometry.axis.ticks == [0, 10, 20, 30, 40])
        #expect(geometry.y(40) == 10)
        #expect(geometry.y(0) == 110)
        #expect(geometry.y(25) == 47.5)
        #expect(geometry.baseline == 110)
    }

    @Test("Negative values extend the axis below zero; an all-zero series still has an axis")
    func axes() {
        let mixed = AxisScale(covering: [Decimal(string: "-2.3")!, Decimal(string: "1.1")!])
        #expect(mixed.ticks == [-3, -2, -1, 0, 1, 2])
        let zero = AxisScale(covering: [0])
        #expect(zero.ticks == [0, Decimal(string: "0.5")!, 1])
        let large = AxisScale(covering: [1_245_600_000 / 1_000_000, 1_500])
        #expect(large.ticks == [0, 500, 1_000, 1_500])
    }

    @Test("A month without a value breaks the line")
    func gaps() {
        let geometry = ChartGeometry(from: month("2023-01"), through: month("2023-05"), values: [1], frame: frame)
        let points = ["2023-01", "2023-02", "2023-04", "2023-05"].map {
            SeriesPoint(month: month($0), value: 1, status: .complete)
        }
        let runs = geometry.segments(points)
        #expect(runs.map { $0.map(\.month.description) } == [["2023-01", "2023-02"], ["2023-04", "2023-05"]])
    }

    @Test("Few months are all labelled; ten years are labelled by January")
    func labels() {
        let short = ChartGeometry(from: month("2023-08"), through: month("2023-11"), values: [1], frame: frame)
        #expect(short.labelledMonths.map(short.label) == ["8/2023", "9/2023", "10/2023", "11/2023"])
        let long = ChartGeometry(from: month("2014-01"), through: month("2023-12"), values: [1], frame: frame)
        #expect(long.labelledMonths.map(long.label) == (2014...2023).map { "\($0)" })
    }

    @Test("Coordinates print with one decimal, the same everywhere")
    func coordinates() {
        #expect(ChartGeometry.coordinate(47.5) == "47.5")
        #expect(ChartGeometry.coordinate(35) == "35")
        #expect(ChartGeometry.coordinate(12.345) == "12.3")
        #expect(ChartGeometry.coordinate(-3.25) == "-3.3")
        #expect(ChartGeometry.coordinate(-0.04) == "0")
    }

    @Test("The SVG has one point per month with a value, lines only within runs, the rejected month marked")
    func svg() {
        let points = [
            SeriesPoint(month: month("2023-01"), value: 10, status: .complete),
            SeriesPoint(month: month("2023-02"), value: 20, status: .complete),
            SeriesPoint(month: month("2023-04"), value: 40, status: .rejected),
        ]
        let chart = SeriesChart(
            indicator: "exports_ytd", points: points, plan: [],
            monthStatus: [month("2023-01"): .complete, month("2023-02"): .complete, month("2023-04"): .rejected],
            scale: DisplayScale(divisor: 1, unit: "USD", decimals: 0), from: month("2023-01"),
            through: month("2023-04"), frame: frame)
        let svg = chart.svg()
        #expect(svg.components(separatedBy: "<circle ").count - 1 == 3)
        #expect(svg.components(separatedBy: "<polyline class=\"line\"").count - 1 == 1)
        #expect(svg.contains("<polyline class=\"line\" points=\"35,85 65,60\"/>"))
        #expect(svg.contains("data-month=\"2023-04\" data-status=\"rejected\" cx=\"125\" cy=\"10\""))
        #expect(
            svg.contains("<rect class=\"band band-rejected\" data-month=\"2023-04\" x=\"110\" y=\"10\" width=\"30\""))
        #expect(svg.contains("role=\"img\""))
        #expect(chart.description.contains("1 tháng không có số liệu."))
        #expect(chart.description.contains("Bị từ chối: 4/2023."))
    }

    @Test("A year-to-date indicator's plan: the target over the year's months, the due amount per month")
    func plan() {
        let plan = [
            PlanPoint(month: month("2023-01"), target: 40, due: 10, dueShare: 25),
            PlanPoint(month: month("2023-02"), target: 40, due: 20, dueShare: 50),
        ]
        let chart = SeriesChart(
            indicator: "x", points: [], plan: plan, monthStatus: [:],
            scale: DisplayScale(divisor: 1, unit: "USD", decimals: 0),
            from: month("2023-01"), through: month("2023-04"), frame: frame)
        let svg = chart.svg()
        #expect(svg.contains("<line class=\"target\" data-year=\"2023\" x1=\"20\" x2=\"80\" y1=\"10\" y2=\"10\"/>"))
        #expect(svg.contains("<polyline class=\"due\" points=\"35,85 65,60\"/>"))
    }
}
