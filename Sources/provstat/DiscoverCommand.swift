import ArgumentParser
import Foundation
import ProvstatCore
import ProvstatFetch
import ProvstatPipeline
import ProvstatSnapshot

/// `provstat discover`: which link each listing source would read for a month, and the links
/// turned down with why. Fetches listing pages (and robots.txt) only: the way to write and debug
/// `title_contains`.
struct DiscoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: "Show the link each listing source would read for a month, and the links turned down with why.",
        discussion: """
            Reads each listing page once for all the months asked (and robots.txt once per host); \
            fetches no report. Exits 0 when every listing source found a link for every month, 69 \
            when one did not (not published, or a listing page failed).
            """)

    @Option(name: .long, help: "A pipeline name in Pipelines/ (demo) or a path to a definition file.")
    var pipeline: String

    @Option(
        name: .long, help: "One month, YYYY-MM (default: the month that just closed).", transform: MonthArgument.parse)
    var month: Month?

    @Option(name: .long, help: "First month of a range, YYYY-MM (with --to).", transform: MonthArgument.parse)
    var from: Month?

    @Option(
        name: .long, help: "Last month of a range, YYYY-MM (default: the month that just closed).",
        transform: MonthArgument.parse)
    var to: Month?

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @OptionGroup var fetching: FetchArguments

    func validate() throws {
        if month != nil && (from != nil || to != nil) {
            throw ValidationError("--month cannot be combined with --from/--to")
        }
        if to != nil && from == nil { throw ValidationError("--to needs --from") }
    }

    /// What `--json` prints.
    private struct Output: Encodable {
        struct MonthReports: Encodable {
            var month: Month
            var sources: [DiscoveryReport]
        }
        var pipeline: String
        var months: [MonthReports]
        var requests: Int
        var listingPages: Int

        enum CodingKeys: String, CodingKey {
            case pipeline, months, requests
            case listingPages = "listing_pages"
        }
    }

    func run() throws {
        let definition: PipelineDefinition
        do { definition = try DefinitionLoader().load(pipeline) } catch {
            printError("provstat: \(error)")
            throw ExitStatus.configuration
        }
        let closed = MonthPlan.closedMonth(now: Date(), lagDays: 0)
        var months: [Month] = []
        if let from {
            var next = from
            while next <= (to ?? closed) {
                months.append(next)
                next = next.next
            }
        } else {
            months = [month ?? closed]
        }
        let scope = RunScope()
        let discovery = PipelineDiscovery(
            definition: definition, outputRoot: fetching.outputRoot, fetchOptions: fetching.options(scope: scope))
        var result = Output(pipeline: definition.name, months: [], requests: 0, listingPages: 0)
        for month in months {
            let (reports, statistics) = discovery.discover(month)
            result.months.append(.init(month: month, sources: reports))
            result.requests += statistics.total.requests
            if !json { print(Self.text(month: month, reports: reports)) }
        }
        result.listingPages = scope.listings.pagesRead
        if json {
            FileHandle.standardOutput.write(try SnapshotCoding.encode(result))
        } else {
            print(
                "\(months.count) month\(months.count == 1 ? "" : "s"): \(result.listingPages) listing page"
                    + "\(result.listingPages == 1 ? "" : "s") read, \(result.requests) request"
                    + "\(result.requests == 1 ? "" : "s") sent (robots.txt included)")
        }
        let missed = result.months.flatMap(\.sources).contains { $0.status == .notPublished || $0.status == .failed }
        if missed { throw ExitStatus.unavailable }
    }

    /// One month's reports, readably.
    static func text(month: Month, reports: [DiscoveryReport]) -> String {
        var lines: [String] = []
        for report in reports {
            switch report.status {
            case .template:
                lines.append("\(month)  \(report.source): URL template \(report.address ?? "") (not fetched)")
            case .found:
                let chosen = report.chosen!
                lines.append("\(month)  \(report.source): found (score \(chosen.score ?? 0)) \(chosen.url)")
                lines.append("    \"\(chosen.title)\"  on \(chosen.page)")
            case .notPublished, .failed:
                lines.append("\(month)  \(report.source): \(report.status.rawValue): \(report.reason ?? "")")
            }
            for rejected in report.rejected {
                lines.append("    rejected \"\(rejected.title)\": \(rejected.reason ?? "")")
                lines.append("      \(rejected.url)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
