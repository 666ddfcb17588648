import Foundation
import ProvstatCore
import TestSupport
import Testing

@testable import ProvstatSnapshot

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Drives the built `provstat` binary: locking, crashes, the ledger and exit codes.
@Suite("provstat run and the snapshot commands, as a child process")
struct RunCommandTests {
    let provstat: ChildProvstat

    init() throws {
        provstat = try #require(ChildProvstat.locate(), "build the provstat product first (swift build)")
    }

    // The exit code of `run` for the tiny pipeline: its one source is read and its one indicator
    // (exports, not required) found, so every month is `complete`: 0, nothing else.
    private static let complete: Int32 = 0

    @Test("A re-run with the same page writes nothing and says unchanged; a changed page writes v2")
    func unchangedThenNewVersion() throws {
        try withTemporaryDirectory { directory in
            let pipeline = try TinyPipeline(in: directory)
            let first = try provstat.run(pipeline.runArguments(), in: directory)
            #expect(first.status == Self.complete, "\(first.stderr)")
            #expect(first.stdout.contains("written: v1 (latest)"))
            let second = try provstat.run(pipeline.runArguments(), in: directory)
            #expect(second.status == first.status)
            #expect(second.stdout.contains("unchanged: same content as v1; nothing written"))
            try pipeline.setPage(exports: 930)
            let third = try provstat.run(pipeline.runArguments(), in: directory)
            #expect(third.stdout.contains("written: v2 (latest)"))
            let store = SnapshotStore(root: directory.appendingPathComponent("out"))
            #expect(store.versions(pipeline: "tiny", month: Fixture.month) == [1, 2])
            let ledger = RunLedger(root: store.root, pipeline: "tiny").entries()
            #expect(ledger.map(\.event) == [.start, .end, .start, .end, .start, .end])
            #expect(ledger.compactMap(\.written) == [["v1.json"], [], ["v2.json"]])
            #expect(ledger[3].unchanged == "v1.json")
            #expect(ledger.compactMap(\.exitCode) == [first.status, second.status, third.status])
        }
    }

    @Test("PROVSTAT_OUTPUT is the default root; --output wins over it")
    func outputEnvironment() throws {
        try withTemporaryDirectory { directory in
            let pipeline = try TinyPipeline(in: directory)
            let environment = ["PROVSTAT_OUTPUT": directory.appendingPathComponent("env-root").path]
            _ = try provstat.run(pipeline.runArguments(output: nil), in: directory, environment: environment)
            _ = try provstat.run(pipeline.runArguments(output: "flag-root"), in: directory, environment: environment)
            for root in ["env-root", "flag-root"] {
                #expect(
                    SnapshotStore(root: directory.appendingPathComponent(root)).versions(
                        pipeline: "tiny", month: Fixture.month) == [1])
            }
            let listing = try provstat.run(["snapshots"], in: directory, environment: environment)
            #expect(listing.status == 0)
            #expect(listing.stdout.contains("tiny"))
        }
    }

    @Test("An output folder that cannot be written stops the run with 73 before any fetch")
    func unwritableOutput() throws {
        try withTemporaryDirectory { directory in
            let pipeline = try TinyPipeline(in: directory)
            try Data().write(to: directory.appendingPathComponent("a-file"))
            // The page does not exist: a fetch would fail differently; 73 shows none was tried.
            try FileManager.default.removeItem(at: pipeline.page)
            let outcome = try provstat.run(pipeline.runArguments(output: "a-file/out"), in: directory)
            #expect(outcome.status == 73)
            #expect(outcome.stderr.contains("a-file/out/tiny"))
            #expect(outcome.stderr.contains("not writable"))
        }
    }

    @Test("A corrupted newest version stops the run with 65, a newer-schema one with 78; neither is touched")
    func unreadableNewestVersion() throws {
        try withTemporaryDirectory { directory in
            let pipeline = try TinyPipeline(in: directory)
            _ = try provstat.run(pipeline.runArguments(), in: directory)
            let store = SnapshotStore(root: directory.appendingPathComponent("out"))
            let v1 = store.versionFile(pipeline: "tiny", month: Fixture.month, version: 1)
            let original = try Data(contentsOf: v1)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: v1.path)
            try pipeline.setPage(exports: 931)

            try Data(original.prefix(original.count / 2)).write(to: v1)
            let corrupt = try provstat.run(pipeline.runArguments(), in: directory)
            #expect(corrupt.status == 65)
            #expect(corrupt.stderr.contains("\(v1.path): not a readable snapshot"))
            #expect(try Data(contentsOf: v1) == original.prefix(original.count / 2))

            var future = try SnapshotCoding.decodeSnapshot(original, path: v1.path)
            future.schema = Snapshot.currentSchema + 1
            let newer = try SnapshotCoding.encode(future)
            try newer.write(to: v1)
            let refused = try provstat.run(pipeline.runArguments(), in: directory)
            #expect(refused.status == 78)
            #expect(refused.stderr.contains("upgrade provstat"))
            #expect(try Data(contentsOf: v1) == newer)
            #expect(store.versions(pipeline: "tiny", month: Fixture.month) == [1])
            #expect(
                RunLedger(root: store.root, pipeline: "tiny").entries().compactMap(\.exitCode).suffix(2) == [65, 78])
        }
    }

    @Test("While another process holds the pipeline lock, run exits 75 naming the holder, and writes nothing")
    func lockHeld() throws {
        try withTemporaryDirectory { directory in
            let pipeline = try TinyPipeline(in: directory)
            let root = directory.appendingPathComponent("out")
            var holder: SnapshotSession? = try SnapshotSession(root: root, pipeline: "tiny", month: Fixture.month)
            let refused = try provstat.run(pipeline.runArguments(), in: directory)
            #expect(refused.status == 75)
            #expect(refused.stderr.contains("pid \(getpid())"))
            #expect(refused.stderr.contains(holder?.runID ?? "?"))
            #expect(SnapshotStore(root: root).versions(pipeline: "tiny", month: Fixture.month).isEmpty)
            let refusal = try #require(RunLedger(root: root, pipeline: "tiny").entries().last)
            #expect(refusal.event == .refused)
            #expect(refusal.exitCode == 75)
            #expect(refusal.errors?.first?.contains("already being run") == true)
            holder = nil
            let after = try provstat.run(pipeline.runArguments(), in: directory)
            #expect(after.status == Self.complete, "\(after.stderr)")
        }
    }

    @Test("Two runs started together: each publishes or is refused with 75, and the store stays whole")
    func concurrentRuns() throws {
        try withTemporaryDirectory { directory in
            let pipeline = try TinyPipeline(in: directory)
            for _ in 0..<5 {
                let first = try provstat.start(pipeline.runArguments(), in: directory)
                let second = try provstat.start(pipeline.runArguments(), in: directory)
                let outcomes = [first.wait(), second.wait()]
                #expect(outcomes.allSatisfy { $0.status == Self.complete || $0.status == 75 })
                #expect(outcomes.contains { $0.status == Self.complete })
                for outcome in outcomes where outcome.status == 75 {
                    #expect(outcome.stderr.contains("already being run"))
                }
            }
            // The page never changed: however the runs interleaved, one version exists.
            let store = SnapshotStore(root: directory.appendingPathComponent("out"))
            #expect(store.versions(pipeline: "tiny", month: Fixture.month) == [1])
            _ = try store.read(pipeline: "tiny", month: Fixture.month, version: 1)
        }
    }

    @Test("SIGKILL at random moments never leaves a partial snapshot, and the next run completes")
    func killedRuns() throws {
        try withTemporaryDirectory { directory in
            let pipeline = try TinyPipeline(in: directory)
            let store = SnapshotStore(root: directory.appendingPathComponent("out"))
            var seen: [Int: Data] = [:]
            var generator = SystemRandomNumberGenerator()
            // Spread the kills over a whole run's length on this machine (a little beyond, so that
            // some runs finish); the duration only places the kills, nothing is asserted on it.
            // Kills land before the lock, between ledger lines, and between a version and `latest`.
            let clock = ContinuousClock()
            let started = clock.now
            _ = try provstat.run(pipeline.runArguments(output: "warm-up"), in: directory)
            let runLength = clock.now - started
            let microseconds =
                runLength.components.seconds * 1_000_000 + runLength.components.attoseconds / 1_000_000_000_000
            let window = UInt32(min(max(microseconds * 6 / 5, 1_000), 2_000_000))
            for trial in 0..<60 {
                try pipeline.setPage(exports: 900 + trial)
                let child = try provstat.start(pipeline.runArguments(), in: directory)
                // Every other trial aims at the second half, where the lock, ledger and writes happen.
                usleep(UInt32.random(in: (trial.isMultiple(of: 2) ? 0 : window / 2)...window, using: &generator))
                child.kill()
                let outcome = child.wait()
                #expect(
                    outcome.signalled || outcome.status == Self.complete, "trial \(trial): \(outcome.stderr)")
                // Every version on disk is whole and readable, and none was modified.
                for version in store.versions(pipeline: "tiny", month: Fixture.month) {
                    let url = store.versionFile(pipeline: "tiny", month: Fixture.month, version: version)
                    let data = try Data(contentsOf: url)
                    _ = try SnapshotCoding.decodeSnapshot(data, path: url.path)
                    if let earlier = seen[version] { #expect(earlier == data, "v\(version) changed") }
                    seen[version] = data
                }
                if let latest = try store.latestVersion(pipeline: "tiny", month: Fixture.month) {
                    #expect(seen[latest] != nil, "latest names v\(latest), which does not exist")
                }
            }
            try pipeline.setPage(exports: 2000)
            let final = try provstat.run(pipeline.runArguments(), in: directory)
            #expect(final.status == Self.complete, "\(final.stderr)")
            let versions = store.versions(pipeline: "tiny", month: Fixture.month)
            #expect(try store.latestVersion(pipeline: "tiny", month: Fixture.month) == versions.last)
            let leftovers = try FileManager.default.contentsOfDirectory(
                atPath: store.monthDirectory(pipeline: "tiny", month: Fixture.month).path
            ).filter { $0.hasSuffix(".tmp") }
            #expect(leftovers.isEmpty)
            // Killed runs left start lines without end lines; the ledger still reads.
            let ledger = RunLedger(root: store.root, pipeline: "tiny").entries()
            #expect(ledger.last?.event == .end)
            #expect(ledger.last?.exitCode == final.status)
        }
    }
}
