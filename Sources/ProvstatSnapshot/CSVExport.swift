/// The long table of indicator values, one row per snapshot and indicator, as RFC 4180 CSV.
public enum CSVExport {
    /// The header row's fields.
    public static let columns = [
        "pipeline", "month", "version", "indicator", "value", "unit", "kind", "estimate", "status", "source_url",
    ]

    /// The CSV text: CRLF line ends, fields quoted when they hold a comma, quote, CR or LF.
    public static func csv(_ snapshots: [StoredSnapshot]) -> String {
        var rows = [columns]
        let ordered = snapshots.sorted {
            ($0.snapshot.pipeline, $0.snapshot.month, $0.version ?? 0) < (
                $1.snapshot.pipeline, $1.snapshot.month, $1.version ?? 0
            )
        }
        for stored in ordered {
            let snapshot = stored.snapshot
            for id in snapshot.indicators.keys.sorted() {
                let value = snapshot.indicators[id]!
                rows.append([
                    snapshot.pipeline, snapshot.month.description, stored.version.map { "v\($0)" } ?? "", id,
                    "\(value.value)", value.unit, value.kind.rawValue, value.estimate ? "true" : "false",
                    snapshot.status.rawValue, value.provenance.url,
                ])
            }
        }
        return rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One field, quoted when RFC 4180 requires it.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return text
        }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
