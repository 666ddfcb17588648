extension SnapshotDiff {
    /// The diff for a terminal: one block per month that differs, `+` added, `-` removed, `~` changed.
    public var text: String {
        var lines: [String] = []
        let different = months.filter(\.isDifferent)
        // Months whose pages changed without changing any value are shown too, but do not count.
        for month in months where month.isDifferent || !month.sources.isEmpty {
            lines.append("\(month.old ?? "(none)") → \(month.new ?? "(none)")")
            if month.oldStatus != month.newStatus {
                lines.append("  status: " + DiffFormatting.transition(month.oldStatus, month.newStatus))
            }
            for change in month.indicators {
                lines.append("  " + Self.line(change))
                lines.append("      why: \(change.cause.detail)")
            }
            for check in month.checks {
                lines.append(
                    "  check \(check.id) [\(check.severity.rawValue)]: "
                        + DiffFormatting.transition(check.old, check.new) + " — \(check.message)")
            }
            for source in month.sources {
                lines.append("  " + Self.line(source))
            }
        }
        let equal = months.count - different.count
        if different.isEmpty {
            lines.append(
                "\(old) and \(new): no differences in values, status or checks"
                    + (months.count > 1 ? " in \(months.count) months" : ""))
        } else if equal > 0 {
            lines.append("\(equal) other month(s) equal")
        }
        return lines.joined(separator: "\n")
    }

    static func line(_ change: IndicatorChange) -> String {
        switch change.kind {
        case .added:
            return "+ \(change.id) = " + DiffFormatting.value(change.new, unit: change.newUnit)
        case .removed:
            return "- \(change.id) (was " + DiffFormatting.value(change.old, unit: change.oldUnit) + ")"
        case .changed:
            var text =
                "~ \(change.id): " + DiffFormatting.value(change.old, unit: change.oldUnit) + " → "
                + DiffFormatting.value(change.new, unit: change.newUnit)
            if let delta = change.change {
                let relative = DiffFormatting.percent(change.relativeChange)
                text += " (" + DiffFormatting.signed(delta) + (relative.isEmpty ? "" : ", \(relative)") + ")"
            }
            let other = change.fields.filter { $0 != "value" }
            if !other.isEmpty { text += " [\(other.joined(separator: ", ")) changed]" }
            return text
        }
    }

    static func line(_ source: SourceChange) -> String {
        "source \(source.id): "
            + "\(source.oldOutcome?.rawValue ?? "—") \(DiffFormatting.shortDigest(source.oldDigest)) → "
            + "\(source.newOutcome?.rawValue ?? "—") \(DiffFormatting.shortDigest(source.newDigest))"
    }
}
