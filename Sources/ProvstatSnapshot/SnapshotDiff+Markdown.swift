import Foundation

extension SnapshotDiff {
    /// The diff as Markdown for release notes: a section and a table per month that differs.
    public var markdown: String {
        var lines = ["# Changes from `\(old)` to `\(new)`", ""]
        let different = months.filter(\.isDifferent)
        if different.isEmpty { lines.append("No differences in values, status or checks.") }
        for month in months where month.isDifferent || !month.sources.isEmpty {
            lines.append("## \(month.pipeline) \(month.month)")
            lines.append("")
            lines.append("`\(month.old ?? "(none)")` → `\(month.new ?? "(none)")`")
            lines.append("")
            if month.oldStatus != month.newStatus {
                lines.append("Status: " + DiffFormatting.transition(month.oldStatus, month.newStatus))
                lines.append("")
            }
            if !month.indicators.isEmpty {
                lines.append("| Indicator | Change | Old | New | Difference | Relative | Why |")
                lines.append("|---|---|---:|---:|---:|---:|---|")
                for change in month.indicators {
                    let cells = [
                        "`\(change.id)`", change.kind.rawValue, DiffFormatting.value(change.old, unit: change.oldUnit),
                        DiffFormatting.value(change.new, unit: change.newUnit), DiffFormatting.signed(change.change),
                        DiffFormatting.percent(change.relativeChange), change.cause.detail,
                    ]
                    lines.append("| " + cells.map(Self.cell).joined(separator: " | ") + " |")
                }
                lines.append("")
            }
            if !month.checks.isEmpty {
                lines.append("| Check | Severity | Outcome | Message |")
                lines.append("|---|---|---|---|")
                for check in month.checks {
                    let cells = [
                        "`\(check.id)`", check.severity.rawValue, DiffFormatting.transition(check.old, check.new),
                        check.message,
                    ]
                    lines.append("| " + cells.map(Self.cell).joined(separator: " | ") + " |")
                }
                lines.append("")
            }
            for source in month.sources { lines.append("- " + Self.cell(Self.line(source))) }
            if !month.sources.isEmpty { lines.append("") }
        }
        return lines.joined(separator: "\n")
    }

    /// A table cell: pipes escaped, line breaks flattened.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
