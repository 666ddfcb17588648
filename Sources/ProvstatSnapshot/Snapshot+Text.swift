extension Snapshot {
    /// The snapshot for a person: what was read, the values with where they came from, the checks.
    public var text: String {
        var lines: [String] = []
        lines.append("\(pipeline) \(month): \(status.rawValue)")
        lines.append("  run \(runID), \(startedAt) → \(finishedAt), provstat \(provstatVersion)")
        lines.append("  definition \(definitionDigest)")
        if let supersedes { lines.append("  supersedes \(supersedes)") }
        lines.append(
            "  completeness: \(completeness.sourcesSucceeded)/\(completeness.sourcesExpected) sources, "
                + "\(completeness.indicatorsFound)/\(completeness.indicatorsDefined) indicators"
                + (completeness.requiredMissing.isEmpty
                    ? "" : ", required missing: \(completeness.requiredMissing.joined(separator: ", "))"))
        lines.append("sources:")
        for source in sources {
            var line = "  \(source.id): \(source.outcome.rawValue) \(source.url)"
            if let sha256 = source.sha256 { line += " sha256 \(sha256.prefix(12))" }
            if let fetchedAt = source.fetchedAt { line += " at \(fetchedAt)" }
            if let reason = source.reason { line += " — \(reason)" }
            lines.append(line)
        }
        lines.append("indicators:")
        if indicators.isEmpty { lines.append("  (none)") }
        for id in indicators.keys.sorted() {
            let value = indicators[id]!
            lines.append(
                "  \(id) = \(value.value) \(value.unit) [\(value.kind.rawValue)]\(value.estimate ? " (estimate)" : "")")
            lines.append("      \"\(value.provenance.raw)\" in: \(value.provenance.sentence)")
            lines.append("      from \(value.provenance.url) (sha256 \(value.provenance.sha256.prefix(12)))")
            for alternative in value.alternatives {
                lines.append("      also read: \(alternative.value) from \"\(alternative.provenance.raw)\"")
            }
        }
        lines.append("checks:")
        if checks.isEmpty { lines.append("  (none)") }
        for check in checks {
            lines.append(
                "  \(check.status.rawValue.uppercased()) [\(check.severity.rawValue)] \(check.id): \(check.message)")
        }
        return lines.joined(separator: "\n")
    }
}
