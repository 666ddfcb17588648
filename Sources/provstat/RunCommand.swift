import ArgumentParser
import Foundation
import Logging
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

    @Option(name: .long, help: OutputRoot.help)
    var output: String?

    @Flag(name: .long, help: "Re-run from the raw store alone, without the network.")
    var offline = false

    @Flag(name: .long, help: "Fetch pages that robots.txt disallows (only with the site operator's permission).")
    var ignoreRobots = false

    @Option(name: .long, help: "The raw store of fetched pages (default: $PROVSTAT_CACHE or <output>/.raw).")
    var cache: String?

    @Option(name: .long, help: "Write Prometheus metrics here (node_exporter textfile collector), atomically.")
    var metricsFile: String?

    @Flag(name: .long, help: "Refresh the pipeline's report site (<output>/<pipeline>/report/) after the run.")
    var report = false

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if month != nil && (from != nil || to != nil || catchUp) {
            throw ValidationError("--month cannot be combined with --from/--to or --catch-up")
        }
        if catchUp && (from != nil || to != nil) {
            throw ValidationError("--catch-up chooses its own range; drop --from/--to")
        }
        if to != nil && from == nil { throw ValidationError("--to needs --from") }
        if maxMonths < 1 || maxMonths > 240 { throw ValidationError("--max-months must be between 1 and 240") }
        if lagDays < 0 { throw ValidationError("--lag-days must not be negative") }
    }

    func run() throws {
        let logger = logging.bootstrap()
        let started = Date()
        let definition: PipelineDefinition
        do { definition = try DefinitionLoader().load(pipeline) } catch {
            logger.error("\(error)")
            throw ExitStatus.configuration
        }
        let root = OutputRoot.resolve(output)
        let store = SnapshotStore(root: root)
        // One scope for the whole run: each listing page and robots.txt is read once, not per month.
        let fetchOptions = FetchOptions(
            offline: offline, ignoreRobots: ignoreRobots,
            cacheDirectory: cache.map { URL(fileURLWithPath: $0, isDirectory: true) }, run: RunScope())
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
        if plan.entries.isEmpty { logger.notice("nothing to run", metadata: ["pipeline": "\(definition.name)"]) }

        var metrics = RunMetrics(
            pipeline: definition.name, startedAt: started, finishedAt: started, exitCode: 0, succeeded: true)
        var worst = RunExit.complete
        for entry in plan.entries {
            let exit = runMonth(
                entry, definition: definition, root: root, fetchOptions: fetchOptions, logger: logger, metrics: &metrics
            )
            worst = max(worst, exit)
            // A held lock or an unwritable folder will not pass for the next month either.
            if exit.stopsTheRun { break }
        }
        metrics.finishedAt = Date()
        metrics.exitCode = worst.code.rawValue
        metrics.succeeded = worst == .complete
        if let metricsFile {
            do { try metrics.write(to: URL(fileURLWithPath: metricsFile)) } catch {
                logger.error("cannot write the metrics file \(metricsFile): \(error)")
            }
        }
        if report { ReportCommand.refresh(root: root, pipeline: definition.name, quiet: logging.quiet) }
        if worst != .complete { throw worst.code }
    }

    /// Runs one month: session (lock, ledger), fetch to snapshot, summary. Returns how it ended.
    private func runMonth(
        _ entry: MonthPlan.Entry, definition: PipelineDefinition, root: URL, fetchOptions: FetchOptions,
        logger: Logger, metrics: inout RunMetrics
    ) -> RunExit {
        var logger = logger
        logger[metadataKey: "pipeline"] = "\(definition.name)"
        logger[metadataKey: "month"] = "\(entry.month)"
        logger.info("running: \(entry.reason)")
        var monthRun = MonthRun(
            definition: definition, month: entry.month, outputRoot: root, fetchOptions: fetchOptions)
        let progressLine = logging.progressLine
        if let progressLine {
            let label = "\(definition.name) \(entry.month)"
            monthRun.progress = { done, total, source in
                progressLine.show("\(label): \(done)/\(total) sources read (\(source))")
            }
        }
        let session: SnapshotSession
        do { session = try monthRun.openSession() } catch {
            logger.error("\(error)")
            let status = ExitStatus.forSnapshot(error)
            if let error = error as? LockError {
                SnapshotSession.recordRefusal(
                    root: root, pipeline: definition.name, month: entry.month, exitCode: status.rawValue, error: error)
            }
            return .stop(status)
        }
        let run = Result { try monthRun.run(in: session) }
        progressLine?.clear()  // before anything else is printed on the terminal
        let result: MonthRun.Result
        do { result = try run.get() } catch {
            logger.error("\(error)")
            let status = ExitStatus.forSnapshot(error)
            try? session.finish(exitCode: status.rawValue, errors: ["\(error)"])
            return .stop(status)
        }
        metrics.add(result.snapshot)
        if !logging.quiet {
            print(
                RunSummary(snapshot: result.snapshot, path: result.publication?.url.path, fetch: result.fetchStatistics)
                    .text)
            if let publication = result.publication { print(PublicationNote(publication).text) }
        }
        let exit = RunExit(result)
        let failures = result.snapshot.sources.filter { !$0.succeeded }.map {
            "\($0.id): \($0.outcome.rawValue): \($0.reason ?? "")"
        }
        do { try session.finish(exitCode: exit.code.rawValue, publication: result.publication, errors: failures) } catch
        {
            logger.warning("cannot append to the run ledger: \(error)")
        }
        switch exit {
        case .complete: logger.info("complete")
        case .partial: logger.warning("partial: \(failures.joined(separator: "; "))")
        case .rejected: logger.error("rejected: an error-level check failed; latest not moved")
        case .unavailable:
            logger.error("no source could be read; nothing published: \(failures.joined(separator: "; "))")
        default: logger.error("every source failed for now (network down?); nothing published, retry later")
        }
        return exit
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
