import Foundation
import ProvstatSnapshot
import ProvstatSupport

/// A run's figures in the Prometheus text format, for node_exporter's textfile collector.
public struct RunMetrics: Sendable {
    public var pipeline: String
    public var startedAt: Date
    public var finishedAt: Date
    public var exitCode: Int32
    /// Whether every month of the run ended complete.
    public var succeeded: Bool
    public var months = 0
    public var pagesFetched = 0
    public var pagesFailed = 0
    public var facts = 0
    public var indicators = 0
    public var checksFailed: [String: Int] = ["error": 0, "warning": 0, "info": 0]

    public init(pipeline: String, startedAt: Date, finishedAt: Date, exitCode: Int32, succeeded: Bool) {
        self.pipeline = pipeline
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.exitCode = exitCode
        self.succeeded = succeeded
    }

    /// Adds one month's snapshot to the totals.
    public mutating func add(_ snapshot: Snapshot) {
        months += 1
        pagesFetched += snapshot.sources.filter(\.succeeded).count
        pagesFailed += snapshot.sources.filter { $0.outcome == .failed }.count
        facts += snapshot.facts.values.map(\.count).reduce(0, +)
        indicators += snapshot.indicators.count
        for check in snapshot.checks where check.status == .fail {
            checksFailed[check.severity.rawValue, default: 0] += 1
        }
    }

    /// The textfile; `previousSuccess` carries the last success time over a failed run.
    public func text(previousSuccess: Double?) -> String {
        let label = "pipeline=\"\(Self.escape(pipeline))\""
        var lines: [String] = []
        func gauge(_ name: String, _ help: String, _ samples: [(String, Double)]) {
            lines.append("# HELP provstat_\(name) \(help)")
            lines.append("# TYPE provstat_\(name) gauge")
            for (labels, value) in samples { lines.append("provstat_\(name){\(labels)} \(Self.number(value))") }
        }
        let lastSuccess = succeeded ? finishedAt.timeIntervalSince1970 : previousSuccess
        gauge("last_run_timestamp_seconds", "When the last run finished.", [(label, finishedAt.timeIntervalSince1970)])
        if let lastSuccess {
            gauge(
                "last_success_timestamp_seconds", "When the last fully complete run finished.", [(label, lastSuccess)])
        }
        gauge(
            "last_run_duration_seconds", "How long the last run took.",
            [(label, finishedAt.timeIntervalSince(startedAt))])
        gauge("last_run_exit_code", "The last run's exit code (see the README).", [(label, Double(exitCode))])
        gauge("last_run_months", "Months processed by the last run.", [(label, Double(months))])
        gauge("last_run_pages_fetched", "Pages read by the last run.", [(label, Double(pagesFetched))])
        gauge("last_run_pages_failed", "Pages that failed in the last run.", [(label, Double(pagesFailed))])
        gauge("last_run_facts", "Facts extracted by the last run.", [(label, Double(facts))])
        gauge("last_run_indicators", "Indicators found by the last run.", [(label, Double(indicators))])
        gauge(
            "last_run_checks_failed", "Checks failed in the last run, by severity.",
            checksFailed.keys.sorted().map { ("\(label),severity=\"\($0)\"", Double(checksFailed[$0]!)) })
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the textfile atomically, keeping the last success time of an earlier file.
    public func write(to url: URL) throws {
        let previous = (try? String(contentsOf: url, encoding: .utf8)).flatMap(Self.lastSuccess(in:))
        try AtomicFile.replace(Data(text(previousSuccess: previous).utf8), at: url)
    }

    /// The `provstat_last_success_timestamp_seconds` sample of an earlier textfile.
    static func lastSuccess(in text: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix("provstat_last_success_timestamp_seconds{") }
            .flatMap { $0.split(separator: " ").last }.flatMap { Double($0) }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
