import ArgumentParser
import Foundation
import ProvstatCore
import ProvstatPipeline
import ProvstatSnapshot

/// `provstat run`: one pipeline, the months asked for, one snapshot per month.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Fetch, read and check a pipeline's months and write their snapshots.",
        discussion: """
            With no month option, runs the month that just closed (--lag-days after its end). \
            Months run in calendar order, each with its own snapshot and ledger entry.
            """)

    @Option(name: .long, help: "A pipeline name in Pipelines/ (demo) or a path to a definition file.")
    var pipeline: String

    // MARK: - Which months

    @Option(name: .long, help: "One month, YYYY-MM.", transform: MonthArgument.parse)
    var month: Month?

    @Option(name: .long, help: "First month of a range, YYYY-MM (with --to).", transform: MonthArgument.parse)
    var from: Month?

    @Option(
        name: .long, help: "Last month of a range, YYYY-MM (default: the month that just closed).",
        transform: MonthArgument.parse)
    var to: Month?

    @Flag(name: .long, help: "Run every month since the last complete one, up to the month that just closed.")
    var catchUp = false

    @Option(name: .long, help: "At most this many months for --catch-up.")
    var maxMonths = 12

    @Option(name: .long, help: "Days after a month's end before it counts as closed (provinces publish late).")
    var lagDays = 0

    @Option(
        name: .long, help: "Keep only months that need it: missing, failed, stale (older provstat or definition), all.")
    var reprocess: MonthPlan.Reprocess?

    @Flag(name: .long, help: "List the months that would run, and why; fetch and write nothing.")
    var dryRun = false

    // MARK: - Where and how

    @OptionGroup var fetching: FetchArguments

    @Option(name: .long, help: "Write Prometheus metrics here (node_exporter textfile collector), atomically.")
    var metricsFile: String?

    @Flag(name: .long, help: "Refresh the pipeline's report site (<output>/<pipeline>/report/) after the run.")
    var report = false

    @OptionGroup var logging: LoggingOptions

    @Option(name: .long, help: "Seconds the whole run may fetch before it ends with what it has (exit 75).")
    var deadline: Double?

    func validate() throws {
        if month != nil && (from != nil || to != nil || catchUp) {
            throw ValidationError("--month cannot be combined with --from/--to or --catch-up")
        }
        if catchUp && (from != nil || to != nil) {
            throw ValidationError("--catch-up chooses its own range; drop --from/--to")
        }
        if to != nil && from == nil { throw ValidationError("--to needs --from") }
        if maxMonths < 1 || maxMonths > 240 { throw ValidationError("--max-months must be between 1 and 240") }
        if lagDays < 0 || lagDays > MonthPlan.longestLagDays {
            throw ValidationError("--lag-days must be between 0 and \(MonthPlan.longestLagDays)")
        }
        if let from {
            let last = to ?? MonthPlan.closedMonth(now: Date(), lagDays: lagDays)
            if from > last {
                throw ValidationError("--from \(from) is after --to \(last); give the earlier month first")
            }
            let count = MonthPlan.count(from: from, to: last)
            if count > MonthPlan.longestRange {
                throw ValidationError(
                    "\(from)..\(last) is \(count) months; one run covers at most \(MonthPlan.longestRange)")
            }
        }
        if let deadline, !(deadline > 0 && deadline <= FetchSettings.longestSeconds) {
            throw ValidationError("--deadline must be between 1 and \(Int(FetchSettings.longestSeconds)) seconds")
        }
    }

    func run() throws {
        let logger = logging.bootstrap()
        let definition: PipelineDefinition
        do { definition = try DefinitionLoader().load(pipeline) } catch {
            logger.error("\(error)")
            throw ExitStatus.configuration
        }
        let root = fetching.outputRoot
        let store = SnapshotStore(root: root)
        // One scope for the whole run: each listing page and robots.txt is read once, not per month.
        let fetchOptions = fetching.options(scope: RunScope())
        // Only `stale` asks the portals whether a month's pages changed (conditional requests).
        let probe =
            reprocess == .stale
            ? SourceChangeProbe(definition: definition, outputRoot: root, options: fetchOptions) : nil
        let plan = MonthPlan.plan(
            request, reprocess: reprocess, now: Date(), currentVersion: ProvstatVersion.current,
            currentDigest: definition.digest,
            state: { store.planState(pipeline: definition.name, month: $0, probe: probe) })

        if dryRun {
            print(
                plan.entries.isEmpty
                    ? "nothing to run" : plan.entries.map { "\($0.month)  \($0.reason)" }.joined(separator: "\n"))
            return
        }
        var pipelineRun = PipelineRun(
            definition: definition, months: plan.entries, outputRoot: root, fetchOptions: fetchOptions, logger: logger)
        pipelineRun.deadlineSeconds = deadline
        pipelineRun.metricsFile = metricsFile.map { URL(fileURLWithPath: $0) }
        pipelineRun.handlesTermination = true
        let progressLine = logging.progressLine
        if let progressLine {
            let name = definition.name
            pipelineRun.progress = { month, done, total, source in
                progressLine.show("\(name) \(month): \(done)/\(total) sources read (\(source))")
            }
        }
        let quiet = logging.quiet
        pipelineRun.monthEnded = { _, outcome in
            progressLine?.clear()  // before anything else is printed on the terminal
            guard !quiet, let result = outcome.result else { return }
            print(
                RunSummary(snapshot: result.snapshot, path: result.publication?.url.path, fetch: result.fetchStatistics)
                    .text)
            if let publication = result.publication { print(PublicationNote(publication).text) }
        }
        let outcome = pipelineRun.run()
        if report { ReportCommand.refresh(root: root, pipeline: definition.name, quiet: logging.quiet) }
        if outcome.ending.code != 0 { throw ExitCode(outcome.ending.code) }
    }

    private var request: MonthPlan.Request {
        if let month { return .single(month) }
        if let from {
            return .range(from: from, to: to ?? MonthPlan.closedMonth(now: Date(), lagDays: lagDays))
        }
        if catchUp { return .catchUp(lagDays: lagDays, limit: maxMonths) }
        return .scheduled(lagDays: lagDays)
    }
}

extension MonthPlan.Reprocess: ExpressibleByArgument {}
