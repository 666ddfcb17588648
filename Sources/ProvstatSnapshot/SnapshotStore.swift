import Foundation
import ProvstatCore
import ProvstatSupport

/// The snapshot tree: `<root>/<pipeline>/<YYYY-MM>/v<N>.json` plus a `latest` pointer file.
///
/// Versions are created once and never modified (written read-only, by `link(2)`); `latest` names
/// the newest version that was not rejected. Writers must hold the pipeline's `PipelineLock`.
public struct SnapshotStore: Sendable {
    /// The output root (`Output/` by default).
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    // MARK: - Layout

    /// The folder of one pipeline.
    public func pipelineDirectory(_ pipeline: String) -> URL {
        root.appendingPathComponent(pipeline, isDirectory: true)
    }

    /// The folder of one pipeline's month.
    public func monthDirectory(pipeline: String, month: Month) -> URL {
        pipelineDirectory(pipeline).appendingPathComponent(month.description, isDirectory: true)
    }

    /// The file of one version.
    public func versionFile(pipeline: String, month: Month, version: Int) -> URL {
        monthDirectory(pipeline: pipeline, month: month).appendingPathComponent("v\(version).json")
    }

    // MARK: - Listing

    /// Pipelines with a folder under the root, sorted.
    public func pipelines() -> [String] {
        subdirectories(of: root).filter { !$0.hasPrefix(".") }
    }

    /// Months with a folder under the pipeline, ascending.
    public func months(pipeline: String) -> [Month] {
        subdirectories(of: pipelineDirectory(pipeline)).compactMap(Month.init).sorted()
    }

    /// Version numbers written for the month, ascending.
    public func versions(pipeline: String, month: Month) -> [Int] {
        let directory = monthDirectory(pipeline: pipeline, month: month)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.compactMap { name in
            guard name.hasPrefix("v"), name.hasSuffix(".json") else { return nil }
            return Int(name.dropFirst().dropLast(5)).flatMap { $0 > 0 ? $0 : nil }
        }.sorted()
    }

    /// The version the month's `latest` pointer names, or nil when there is none.
    public func latestVersion(pipeline: String, month: Month) throws(SnapshotError) -> Int? {
        let pointer = monthDirectory(pipeline: pipeline, month: month).appendingPathComponent("latest")
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: pointer.path) else { return nil }
        // A link to a device or a folder is no pointer: never read it (a device may never end).
        let resolved =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: pointer.path)).map { target in
                (try? FileManager.default.attributesOfItem(
                    atPath: URL(fileURLWithPath: target, relativeTo: pointer.deletingLastPathComponent()).path)) ?? [:]
            } ?? attributes
        guard resolved[.type] as? FileAttributeType == .typeRegular else {
            throw .badPointer(path: pointer.path, detail: "not a regular file (a device, a folder or a link to one)")
        }
        guard let handle = FileHandle(forReadingAtPath: pointer.path) else {
            throw .badPointer(path: pointer.path, detail: "not readable (check its permissions)")
        }
        defer { try? handle.close() }
        let data = handle.readData(ofLength: 256)
        let name = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard name.hasPrefix("v"), name.hasSuffix(".json"), let number = Int(name.dropFirst().dropLast(5)) else {
            throw .badPointer(path: pointer.path, detail: "expected a line like 'v3.json', found '\(name.prefix(40))'")
        }
        return number
    }

    private func subdirectories(of directory: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            let path = directory.appendingPathComponent(name).path
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted()
    }

    // MARK: - Reading

    /// Reads one version.
    public func read(pipeline: String, month: Month, version: Int) throws(SnapshotError) -> StoredSnapshot {
        let url = versionFile(pipeline: pipeline, month: month, version: version)
        guard FileManager.default.fileExists(atPath: url.path) else {
            let known = versions(pipeline: pipeline, month: month)
            let detail =
                known.isEmpty
                ? "no snapshot of \(pipeline) for \(month) under \(root.path)"
                : "no version \(version); there are v\(known.first!)…v\(known.last!)"
            throw .unknownReference("\(pipeline)/\(month)@v\(version)", detail: detail)
        }
        return try StoredSnapshot.read(url, version: version)
    }

    /// Reads the snapshot a file or `PIPELINE/YYYY-MM@…` reference names.
    public func resolve(_ reference: SnapshotReference) throws(SnapshotError) -> StoredSnapshot {
        switch reference {
        case .file(let url):
            let version =
                url.lastPathComponent.hasPrefix("v")
                ? Int(url.deletingPathExtension().lastPathComponent.dropFirst()) : nil
            return try StoredSnapshot.read(url, version: version)
        case .stored(let pipeline, let month, .version(let number)):
            return try read(pipeline: pipeline, month: month, version: number)
        case .stored(let pipeline, let month, .latest):
            guard let number = try latestVersion(pipeline: pipeline, month: month) else {
                let detail =
                    versions(pipeline: pipeline, month: month).isEmpty
                    ? "no snapshot of \(pipeline) for \(month) under \(root.path)"
                    : "no latest version (every version was rejected); name one with @vN"
                throw .unknownReference(reference.description, detail: detail)
            }
            return try read(pipeline: pipeline, month: month, version: number)
        case .root(let url):
            throw .unknownReference(url.path, detail: "is a folder, not one snapshot")
        }
    }

    /// The latest snapshot of every pipeline and month that has one, keyed by `pipeline/YYYY-MM`.
    public func latestSnapshots() throws(SnapshotError) -> [String: StoredSnapshot] {
        var result: [String: StoredSnapshot] = [:]
        for pipeline in pipelines() {
            for month in months(pipeline: pipeline) {
                guard let number = try latestVersion(pipeline: pipeline, month: month) else { continue }
                result["\(pipeline)/\(month)"] = try read(pipeline: pipeline, month: month, version: number)
            }
        }
        return result
    }

    // MARK: - Publishing

    /// Publishes a run's snapshot: writes it as the next version unless its content equals the
    /// newest or the latest version, and moves `latest` to it unless it is rejected or a partial
    /// version would replace a complete one (`replacesLatest`).
    ///
    /// The caller holds the pipeline lock. An unreadable or newer-schema earlier version stops
    /// publication (it is never overwritten) so that a person can look at it.
    public func publish(_ snapshot: Snapshot) throws(SnapshotError) -> Publication {
        let directory = monthDirectory(pipeline: snapshot.pipeline, month: snapshot.month)
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            throw .notWritable(path: directory.path, detail: error.localizedDescription)
        }
        AtomicFile.removeLeftovers(in: directory)
        let versions = versions(pipeline: snapshot.pipeline, month: snapshot.month)
        let latest = try latestVersion(pipeline: snapshot.pipeline, month: snapshot.month)
        let content = try digest(snapshot, path: directory.path)

        var newest: StoredSnapshot? = nil
        if let number = versions.last {
            newest = try read(pipeline: snapshot.pipeline, month: snapshot.month, version: number)
        }
        let published = try latest.map { (number) throws(SnapshotError) in
            try read(pipeline: snapshot.pipeline, month: snapshot.month, version: number)
        }
        if let newest, let number = newest.version, try digest(newest.snapshot, path: newest.url.path) == content {
            // A crash between writing a version and moving the pointer leaves `latest` behind.
            let isLatest =
                latest == number || Self.replacesLatest(newest.snapshot.status, current: published?.snapshot.status)
            if isLatest, latest != number { try movePointer(in: directory, to: number) }
            return Publication(
                outcome: .unchanged, version: number, url: newest.url, snapshot: newest.snapshot, isLatest: isLatest)
        }
        if let number = latest, number != versions.last, let current = published {
            if try digest(current.snapshot, path: current.url.path) == content {
                return Publication(
                    outcome: .unchanged, version: number, url: current.url, snapshot: current.snapshot, isLatest: true)
            }
        }

        var written = snapshot
        written.supersedes = newest?.fileDigest
        let number = (versions.last ?? 0) + 1
        let url = versionFile(pipeline: snapshot.pipeline, month: snapshot.month, version: number)
        let data: Data
        do { data = try SnapshotCoding.encode(written) } catch {
            throw .writeFailed(path: url.path, detail: "cannot encode the snapshot: \(error)")
        }
        do { try AtomicFile.create(data, at: url) } catch { throw SnapshotError(error) }
        let isLatest = Self.replacesLatest(written.status, current: published?.snapshot.status)
        if isLatest { try movePointer(in: directory, to: number) }
        return Publication(outcome: .written, version: number, url: url, snapshot: written, isLatest: isLatest)
    }

    /// Whether a new version with `status` becomes `latest` over the current one: a rejected
    /// version never does, and a partial one does not push a complete one out (an outage of one
    /// source must not hide figures that were read before).
    static func replacesLatest(_ status: Snapshot.Status, current: Snapshot.Status?) -> Bool {
        switch status {
        case .complete: true
        case .partial: current != .complete
        case .rejected: false
        }
    }

    private func movePointer(in directory: URL, to version: Int) throws(SnapshotError) {
        do {
            try AtomicFile.replace(Data("v\(version).json\n".utf8), at: directory.appendingPathComponent("latest"))
        } catch { throw SnapshotError(error) }
    }

    private func digest(_ snapshot: Snapshot, path: String) throws(SnapshotError) -> String {
        do { return try SnapshotCoding.contentDigest(snapshot) } catch {
            throw .corrupt(path: path, detail: "cannot encode: \(error)")
        }
    }
}
