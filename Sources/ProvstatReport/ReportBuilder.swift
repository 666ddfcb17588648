import Foundation
import ProvstatCore
import ProvstatSnapshot
import ProvstatSupport

/// Builds the static report site from the snapshots under a store: a top page, and per pipeline
/// an index, a page per month, per indicator and per version change. Reads snapshots only;
/// the same snapshots give the same bytes. Files are written atomically, and a file whose bytes
/// are already there is left alone.
public struct ReportBuilder: Sendable {
    public var store: SnapshotStore
    public var layout: ReportLayout
    /// How many of the newest months the index's charts show (every indicator page shows all).
    public var recentMonths: Int

    public init(store: SnapshotStore, layout: ReportLayout, recentMonths: Int = 36) {
        self.store = store
        self.layout = layout
        self.recentMonths = max(1, recentMonths)
    }

    /// What a build did.
    public struct Result: Sendable {
        /// Every file of the site that was built, written or not.
        public var files: [URL]
        /// The files whose bytes changed (and so were written).
        public var written: [URL]
        /// The top page.
        public var top: URL
        /// Each built pipeline's index page.
        public var indexes: [String: URL]
    }

    /// Builds the sites of `pipelines` (every pipeline in the store when empty) and the top page.
    public func build(pipelines requested: [String] = []) throws(SnapshotError) -> Result {
        let all = store.pipelines()
        for name in requested where !all.contains(name) {
            throw .unknownReference(name, detail: "no snapshots of this pipeline under \(store.root.path)")
        }
        let pipelines = requested.isEmpty ? all : requested
        var pages: [(URL, String)] = []
        var indexes: [String: URL] = [:]
        for pipeline in pipelines {
            let history = PipelineHistory.load(pipeline: pipeline, from: store)
            let directory = layout.pipelineDirectory(pipeline)
            indexes[pipeline] = directory.appendingPathComponent("index.html")
            pages += Self.pages(history, recentMonths: recentMonths, upToTop: layout.upToTop).map {
                (directory.appendingPathComponent($0.path), $0.html)
            }
        }
        let entries = all.map { pipeline in
            let months = store.months(pipeline: pipeline)
            return (
                pipeline: pipeline, link: layout.relativePath(pipeline) + "/index.html",
                last: months.last.flatMap { lastRecord(pipeline: pipeline, month: $0) }, months: months.count
            )
        }
        let top = layout.top.appendingPathComponent("index.html")
        pages.append((top, TopPage(entries: entries).html()))

        let written = try Self.write(pages)
        return Result(files: pages.map(\.0), written: written, top: top, indexes: indexes)
    }

    /// Every page of one pipeline's site, by path below its folder.
    public static func pages(_ history: PipelineHistory, recentMonths: Int, upToTop: String) -> [(
        path: String, html: String
    )] {
        let scales = scales(history)
        var jobs: [(path: String, render: @Sendable () -> String)] = [
            (
                "index.html",
                {
                    PipelineIndexPage(history: history, scales: scales, recentMonths: recentMonths, upToTop: upToTop)
                        .html()
                }
            )
        ]
        for record in history.months {
            jobs.append(
                ("months/\(record.month).html", { MonthPage(history: history, record: record, scales: scales).html() }))
        }
        for id in history.indicatorIDs {
            guard let scale = scales[id] else { continue }
            jobs.append(
                (
                    "indicators/\(HTML.fileName(id)).html",
                    { IndicatorPage(history: history, indicator: id, scale: scale).html() }
                ))
        }
        for change in history.changes {
            jobs.append(
                ("changes/\(change.fileName)", { ChangePage(history: history, change: change, scales: scales).html() }))
        }
        // Pages are rendered on every core; each is a pure function of the history.
        let renderers = jobs.map(\.render)
        let rendered = ConcurrentSlots.map(renderers.count) { index in renderers[index]() }
        return zip(jobs, rendered).map { (path: $0.path, html: $1) }
    }

    /// One display scale per indicator, from its unit and its largest value over every month.
    static func scales(_ history: PipelineHistory) -> [String: DisplayScale] {
        var result: [String: DisplayScale] = [:]
        for id in history.indicatorIDs {
            let values = history.series(id).map { Swift.abs($0.value) }
            result[id] = DisplayScale.choose(unit: history.unit(id), magnitude: values.max() ?? 0)
        }
        return result
    }

    /// The record of a pipeline's newest month, for the top page (its shown version only).
    private func lastRecord(pipeline: String, month: Month) -> MonthRecord? {
        let latest = try? store.latestVersion(pipeline: pipeline, month: month)
        guard let number = latest ?? store.versions(pipeline: pipeline, month: month).last,
            let stored = try? store.read(pipeline: pipeline, month: month, version: number)
        else { return nil }
        return MonthRecord(month: month, shown: stored, versions: [stored], latest: latest, problems: [])
    }

    /// Writes the pages, several at once (each atomic write waits on fsync); returns those written.
    static func write(_ pages: [(URL, String)]) throws(SnapshotError) -> [URL] {
        for directory in Set(pages.map { $0.0.deletingLastPathComponent() }) {
            do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
                throw .notWritable(path: directory.path, detail: error.localizedDescription)
            }
        }
        let outcomes = ConcurrentSlots.map(pages.count) { index in
            Swift.Result { () throws(SnapshotError) in try write(Data(pages[index].1.utf8), to: pages[index].0) }
        }
        var written: [URL] = []
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case .success(true): written.append(pages[index].0)
            case .success(false): break
            case .failure(let error): throw error
            }
        }
        return written
    }

    /// Writes `data` at `url` atomically unless the file already holds exactly these bytes;
    /// true when it wrote.
    static func write(_ data: Data, to url: URL) throws(SnapshotError) -> Bool {
        if let existing = FileManager.default.contents(atPath: url.path), existing == data { return false }
        do throws(FileWriteError) { try AtomicFile.replace(data, at: url, permissions: 0o644) } catch {
            throw .writeFailed(path: error.path, detail: error.detail)
        }
        return true
    }
}
