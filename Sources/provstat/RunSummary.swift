import Foundation
import ProvstatCore
import ProvstatFetch
import ProvstatReconcile
import ProvstatSnapshot

/// The short human summary `provstat run` prints.
struct RunSummary {
    let snapshot: Snapshot
    /// Where the snapshot is stored; nil when nothing was published.
    let path: String?
    /// What fetching did; nothing is printed for it when empty.
    var fetch = FetchStatistics()

    var text: String {
        var lines: [String] = []
        lines.append(
            "\(snapshot.pipeline) \(snapshot.month): \(path == nil ? "nothing published" : snapshot.status.rawValue)")
        let failed = snapshot.sources.filter { !$0.succeeded }
        lines.append(
            "  sources: \(snapshot.sources.count - failed.count)/\(snapshot.sources.count) read, "
                + "\(snapshot.facts.values.map(\.count).reduce(0, +)) facts")
        for source in failed {
            lines.append("    \(source.id): \(source.outcome.rawValue): \(source.reason ?? "")")
        }
        lines.append("  indicators: \(snapshot.indicators.count)/\(snapshot.completeness.indicatorsDefined) found")
        for id in snapshot.indicators.keys.sorted() {
            let value = snapshot.indicators[id]!
            lines.append("    \(id) = \(value.value) \(value.unit)\(value.estimate ? " (estimate)" : "")")
        }
        if !snapshot.completeness.requiredMissing.isEmpty {
            lines.append("    missing (required): \(snapshot.completeness.requiredMissing.joined(separator: ", "))")
        }
        lines.append(contentsOf: CheckReport(checks: snapshot.checks, verbose: false).lines)
        lines.append(contentsOf: fetchLines)
        lines.append("  snapshot: \(path ?? "none published: no source could be read")")
        return lines.joined(separator: "\n")
    }

    /// One line for all hosts, then one per host when there are several.
    private var fetchLines: [String] {
        guard !fetch.hosts.isEmpty else { return [] }
        func describe(_ figures: FetchStatistics.Figures) -> String {
            "\(figures.fetched) fetched, \(figures.cached) cached (\(figures.notModified) not modified, "
                + "\(figures.replayed) replayed), \(figures.failed) failed, \(figures.retried) retried, "
                + "\(figures.requests) requests, \(byteCount(figures.bytes))"
        }
        func byteCount(_ bytes: Int) -> String {
            bytes < 1024
                ? "\(bytes) B"
                : bytes < 1 << 20
                    ? String(format: "%.1f KiB", Double(bytes) / 1024)
                    : String(format: "%.1f MiB", Double(bytes) / Double(1 << 20))
        }
        var lines = ["  fetch: " + describe(fetch.total)]
        if fetch.hosts.count > 1 {
            for host in fetch.hosts.keys.sorted() { lines.append("    \(host): " + describe(fetch.hosts[host]!)) }
        }
        for (host, figures) in fetch.hosts.sorted(by: { $0.key < $1.key }) {
            if let asked = figures.crawlDelayAsked, let cap = figures.crawlDelayCap {
                lines.append(
                    "    \(host): robots.txt asks for a Crawl-delay of \(Self.seconds(asked)) s; capped at \(Self.seconds(cap)) s"
                )
            }
        }
        return lines
    }

    /// Seconds as written: `60`, `0.5`.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
