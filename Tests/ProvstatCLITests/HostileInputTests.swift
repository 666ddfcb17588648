import Foundation
import LoopbackServer
import ProvstatCore
import ProvstatSnapshot
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 12 through the built binary: hostile portals on a loopback server, bad definitions,
/// snapshots, pages and arguments. Every case names the exit code an operator relies on, and
/// no input may crash the process. Run alone with `swift test --filter Hostile`.
@Suite("Hostile inputs (provstat binary)", .timeLimit(.minutes(3)))
struct HostileInputTests {
    let provstat: ChildProvstat
    let work: URL

    init() throws {
        provstat = try #require(ChildProvstat.locate(), "build the provstat product first (swift build)")
        work = FileManager.default.temporaryDirectory.appendingPathComponent("provstat-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Pipelines/demo.yaml").path

    /// Every exit code the README documents.
    static let documented: Set<Int32> = [0, 1, 2, 3, 64, 65, 66, 69, 73, 75, 78]

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = work.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    func run(_ arguments: [String]) throws -> ChildProvstat.Outcome {
        try provstat.run(arguments, in: work)
    }

    /// A one-source definition for `url`, fetching fast.
    func definition(_ name: String, url: String, robots: Bool = true, extra: String = "") throws -> String {
        try write(
            "\(name).yaml",
            """
            pipeline: \(name)
            sources:
              - id: report
                url: \(url)
            indicators:
              - id: exports
                name: kim ngạch xuất khẩu
                unit: USD
            fetch:
              delay: 0
              attempts: 1
              robots: \(robots)
            \(extra)
            """)
    }

    static let report = """
        <html><head><meta charset="utf-8"><title>Báo cáo</title></head><body><article>
        <p>Kim ngạch xuất khẩu tháng 10 ước đạt 925 triệu USD, tăng 12,5% so với cùng kỳ.</p>
        </article></body></html>
        """

    func withServer<T>(_ routes: [String: LoopbackServer.Route], _ body: (LoopbackServer) throws -> T) throws -> T {
        let server = LoopbackServer(routes: routes)
        try server.start()
        defer { try? server.stop() }
        return try body(server)
    }

    // MARK: - 1. Scheme policy

    @Test("a file: link on a web listing is refused: exit 69, the local page is not read")
    func fileLinkOnListing() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let secret = try write("secret.html", Self.report)
        let listing = """
            <html><body><ul><li><a class="t" href="file://\(secret)">Tình hình kinh tế - xã hội tháng 10 năm 2023</a></li>
            </ul></body></html>
            """
        try withServer(["/tin-tuc": .init(.html(listing))]) { server in
            let file = try write(
                "listed.yaml",
                """
                pipeline: listed
                sources:
                  - id: report
                    listing:
                      url: \(server.url("/tin-tuc"))
                      links: "//a[@class='t']"
                fetch:
                  robots: false
                """)
            let outcome = try run(["run", "--pipeline", file, "--month", "2023-10", "--output", "out"])
            #expect(outcome.status == 69, "\(outcome.stdout)\n\(outcome.stderr)")
            #expect(outcome.stdout.contains("may only lead to http or https, not 'file'"))
            #expect(!outcome.stdout.contains("925"))
        }
    }

    // MARK: - 2. Bounded everything

    @Test(
        "timeouts that would switch themselves off are configuration errors naming file, line and key",
        arguments: [
            ("timeout: 0", "fetch.timeout"), ("timeout: -1", "fetch.timeout"),
            ("connect_timeout: 0", "fetch.connect_timeout"), ("timeout: .nan", "fetch.timeout"),
            ("timeout: 1e300", "fetch.timeout"), ("source_deadline: 0", "fetch.source_deadline"),
            ("run_deadline: -5", "fetch.run_deadline"), ("crawl_delay_cap: -1", "fetch.crawl_delay_cap"),
        ])
    func unboundedTimeouts(line: String, key: String) throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let file = try write(
            "bad.yaml", "pipeline: bad\nsources:\n  - id: a\n    url: http://127.0.0.1:1/a.html\nfetch:\n  \(line)\n")
        let check = try run(["pipelines", "check", file])
        #expect(check.status == 78, "\(check.stdout)\n\(check.stderr)")
        #expect(check.stdout.contains("bad.yaml:6: \(key): "), "\(check.stdout)")
    }

    @Test("a month range longer than 1200 months, an inverted range and a huge --lag-days are usage errors")
    func boundedMonths() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let huge = try run(["run", "--pipeline", Self.demo, "--from", "1900-01", "--to", "9999-12", "--output", "out"])
        #expect(huge.status == 64, "\(huge.stderr)")
        #expect(huge.stderr.contains("one run covers at most 1200"))
        let inverted = try run([
            "run", "--pipeline", Self.demo, "--from", "2023-05", "--to", "2023-01", "--output", "o",
        ])
        #expect(inverted.status == 64)
        #expect(inverted.stderr.contains("is after --to"))
        let lag = try run(["run", "--pipeline", Self.demo, "--lag-days", "99999999", "--output", "out"])
        #expect(lag.status == 64)
        #expect(lag.stderr.contains("--lag-days must be between 0 and 366"))
        // The last month there is ends: no month after 9999-12 to loop on.
        let last = try run(["run", "--pipeline", Self.demo, "--from", "9999-12", "--to", "9999-12", "--output", "out"])
        #expect(last.status == 69, "\(last.stderr)")
    }

    @Test("a Crawl-delay of 999999 s is capped, and the summary says so")
    func crawlDelayCapInSummary() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let robots = LoopbackServer.Response(
            headers: [("Content-Type", "text/plain")], body: "User-agent: *\nCrawl-delay: 999999\n")
        try withServer(["/robots.txt": .init(robots), "/a.html": .init(.html(Self.report))]) { server in
            let file = try definition("crawl", url: server.url("/a.html"), extra: "  crawl_delay_cap: 0.5")
            let outcome = try run(["run", "--pipeline", file, "--month", "2023-10", "--output", "out"])
            #expect(outcome.status == 0, "\(outcome.stdout)\n\(outcome.stderr)")
            #expect(
                outcome.stdout.contains("127.0.0.1: robots.txt asks for a Crawl-delay of 999999 s; capped at 0.5 s"),
                "\(outcome.stdout)")
        }
    }

    @Test("--deadline ends a run stuck on a slow portal: exit 75, ledger closed, lock free")
    func runDeadline() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        try withServer(["/slow.html": .init(.html(Self.report, delay: 20))]) { server in
            let file = try definition("slow", url: server.url("/slow.html"), robots: false)
            let started = Date()
            let outcome = try run([
                "run", "--pipeline", file, "--month", "2023-10", "--output", "out", "--deadline", "1",
            ])
            #expect(outcome.status == 75, "\(outcome.stdout)\n\(outcome.stderr)")
            #expect(Date().timeIntervalSince(started) < 10)
            let ledger = RunLedger(root: work.appendingPathComponent("out"), pipeline: "slow").entries()
            #expect(ledger.map(\.event) == [.start, .end])
            #expect(ledger.last?.exitCode == 75)
            #expect(ledger.last?.errors?.contains { $0.contains("deadline") } == true)
        }
    }

    @Test("SIGTERM ends a run cleanly: exit 75, a ledger end line, nothing published")
    func sigterm() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        try withServer(["/slow.html": .init(.html(Self.report, delay: 30))]) { server in
            let file = try definition("term", url: server.url("/slow.html"), robots: false)
            let started = Date()
            let child = try provstat.start(
                ["run", "--pipeline", file, "--month", "2023-10", "--output", "out"], in: work)
            // Wait until the request is in flight.
            while server.requests(for: "/slow.html").isEmpty, Date().timeIntervalSince(started) < 15 {
                Thread.sleep(forTimeInterval: 0.05)
            }
            #expect(!server.requests(for: "/slow.html").isEmpty)
            kill(child.process.processIdentifier, SIGTERM)
            let outcome = child.wait()
            #expect(!outcome.signalled)
            #expect(outcome.status == 75, "\(outcome.stdout)\n\(outcome.stderr)")
            #expect(Date().timeIntervalSince(started) < 15)
            #expect(outcome.stderr.contains("SIGTERM received"))
            let root = work.appendingPathComponent("out")
            let ledger = RunLedger(root: root, pipeline: "term").entries()
            #expect(ledger.map(\.event) == [.start, .end])
            #expect(ledger.last?.exitCode == 75)
            #expect(ledger.last?.errors?.contains { $0.contains("stopped by SIGTERM") } == true)
            #expect(SnapshotStore(root: root).versions(pipeline: "term", month: Month("2023-10")!).isEmpty)
        }
    }

    // MARK: - 3. No crash on any input

    @Test("a definition without pipeline: whose file name is no valid name: 78 from check, run and doctor")
    func invalidFileNames() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        for name in ["x y.yaml", "a.b.yaml"] {
            let file = try write("Pipelines/\(name)", "sources:\n  - id: a\n    url: page.html\n")
            let check = try run(["pipelines", "check", file])
            #expect(!check.signalled)
            #expect(check.status == 78, "\(check.stdout)\n\(check.stderr)")
            #expect(check.stdout.contains("is not a valid pipeline name"), "\(check.stdout)")
            let runOutcome = try run(["run", "--pipeline", file, "--month", "2023-10", "--output", "out"])
            #expect(!runOutcome.signalled)
            #expect(runOutcome.status == 78)
            let doctor = try run(["doctor", "--output", "out"])
            #expect(!doctor.signalled, "\(doctor.stderr)")
            #expect(doctor.status == 78, "\(doctor.stdout)\n\(doctor.stderr)")
            try FileManager.default.removeItem(atPath: file)
        }
    }

    @Test("the command line walked over bad definitions, snapshots, pages and arguments never crashes")
    func noCrashOnBadInputs() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let definitions: [String] = [
            "", "[]", "pipeline: [a]", String(repeating: "[", count: 5000), "sources: 5",
            "pipeline: ../../etc\nsources:\n  - id: a\n    url: a.html\n",
            "pipeline: ok\nsources:\n  - id: a\n    url: a.html\nfetch:\n  timeout: 1e999\n",
            "pipeline: ok\nsources:\n  - id: a\n    url: a.html\nfetch:\n  per_host: 99999999999999999999\n",
            "pipeline: ok\nsources:\n  - id: a\n    url: a.html\ntargets:\n  - indicator: x\n    year: 2023\n    value: 1\n",
            "pipeline: ok\nsources:\n  - id: a\n    listing: {url: a.html, links: '//a[', pages: 0}\n",
            "pipeline: ok\nsources:\n  - id: a\n    url: a.html\nindicators:\n  - {id: x, name: y, unit: USD, range: [5, 1]}\n",
            "\u{FEFF}pipeline: ok\nsources: {a: 1}\n",
        ]
        var files: [String] = []
        for (index, text) in definitions.enumerated() { files.append(try write("defs/d\(index).yaml", text)) }
        try Data([0xFF, 0xFE, 0x00, 0x01, 0x80]).write(to: work.appendingPathComponent("defs/binary.yaml"))
        files.append(work.appendingPathComponent("defs/binary.yaml").path)

        let snapshots: [String] = [
            "", "null", "[]", "{}", "{\"schema\": \"x\"}", "{\"schema\": 1}", "{\"schema\": 99}",
            String(repeating: "[", count: 100_000), "{\"schema\": 1, \"pipeline\": \"/etc/passwd\"}",
        ]
        var jsons: [String] = []
        for (index, text) in snapshots.enumerated() { jsons.append(try write("snaps/s\(index).json", text)) }

        var commands: [[String]] = files.map { ["pipelines", "check", $0] }
        commands += files.map { ["run", "--pipeline", $0, "--month", "2023-10", "--output", "out"] }
        commands += jsons.flatMap { [["validate", $0], ["show", $0], ["export", "--format", "csv", $0]] }
        commands += jsons.map { ["diff", $0, jsons[0]] }
        commands += [
            ["extract", work.path], ["extract", "/dev/null"], ["extract", files.last ?? ""], ["extract", "nope.html"],
            ["extract", "gopher://127.0.0.1/x"], ["extract", "file:///dev/null"],
            ["run", "--pipeline", Self.demo, "--month", "0000-00"],
            ["run", "--pipeline", Self.demo, "--from", "2023-13"],
            ["run", "--pipeline", Self.demo, "--max-months", "0", "--catch-up"],
            ["run", "--pipeline", Self.demo, "--lag-days", "-1"], ["run", "--pipeline", Self.demo, "--deadline", "0"],
            ["run", "--pipeline", Self.demo, "--deadline", "nan"], ["run", "--pipeline", "../../../etc/passwd"],
            ["show", "demo/2023-10@v0"], ["show", "../x/2023-10"], ["validate", "demo/9999-99"],
        ]
        for command in commands {
            let outcome = try run(command)
            #expect(!outcome.signalled, "\(command): \(outcome.stderr)")
            #expect(Self.documented.contains(outcome.status), "\(command) exited \(outcome.status): \(outcome.stderr)")
        }
    }

    // MARK: - 6. Exit codes an operator can trust

    @Test("with robots.txt obeyed, connection refused and a robots.txt answering 503 exit 75")
    func outagesWithRobots() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let refused = try definition("refused", url: "http://127.0.0.1:1/a.html")
        let down = try run(["run", "--pipeline", refused, "--month", "2023-10", "--output", "out"])
        #expect(down.status == 75, "\(down.stdout)\n\(down.stderr)")
        try withServer(["/robots.txt": .init(.status(503)), "/a.html": .init(.html(Self.report))]) { server in
            let file = try definition("robots503", url: server.url("/a.html"))
            let outcome = try run(["run", "--pipeline", file, "--month", "2023-10", "--output", "out"])
            #expect(outcome.status == 75, "\(outcome.stdout)\n\(outcome.stderr)")
            #expect(server.requests(for: "/a.html").isEmpty)
        }
        try withServer(["/a.html": .init(.html(Self.report, delay: 5))]) { server in
            let file = try definition(
                "timeout", url: server.url("/a.html"), robots: false, extra: "  timeout: 1\n  connect_timeout: 1")
            let outcome = try run(["run", "--pipeline", file, "--month", "2023-10", "--output", "out"])
            #expect(outcome.status == 75, "\(outcome.stdout)\n\(outcome.stderr)")
        }
    }

    @Test("an unwritable raw store or month folder exits 73 before anything is fetched")
    func unwritableBeforeFetching() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        try withServer(["/a.html": .init(.html(Self.report))]) { server in
            let file = try definition("store", url: server.url("/a.html"), robots: false)
            try write("blocker", "a file, not a folder")
            let store = try run([
                "run", "--pipeline", file, "--month", "2023-10", "--output", "out", "--cache",
                work.appendingPathComponent("blocker/raw").path,
            ])
            #expect(store.status == 73, "\(store.stdout)\n\(store.stderr)")
            #expect(store.stderr.contains("raw store"))
            try write("out/store/2023-11", "a file where the month's folder goes")
            let month = try run(["run", "--pipeline", file, "--month", "2023-11", "--output", "out"])
            #expect(month.status == 73, "\(month.stdout)\n\(month.stderr)")
            #expect(month.stderr.contains("2023-11"))
            #expect(server.requests.isEmpty)
        }
    }

    // MARK: - 7. validate trusts no snapshot

    @Test("validate does not use a snapshot's pipeline member as a path")
    func validateRefusesPathNames() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        #expect(try run(["run", "--pipeline", Self.demo, "--month", "2023-10", "--output", "out"]).status == 0)
        let written = work.appendingPathComponent("out/demo/2023-10/v1.json")
        // A definition elsewhere that a path-valued name would reach.
        let elsewhere = try write("elsewhere/evil.yaml", "pipeline: evil\nsources:\n  - id: a\n    url: a.html\n")
        let forged = try String(contentsOf: written, encoding: .utf8)
            .replacingOccurrences(of: "\"pipeline\": \"demo\"", with: "\"pipeline\": \"\(elsewhere)\"")
        let forgedFile = try write("forged.json", forged)
        let outcome = try run(["validate", forgedFile])
        #expect(outcome.status == 65, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(outcome.stderr.contains("is not a valid name"))
        // A plain name is looked for in Pipelines/ only: none there in this folder.
        let renamed = try write(
            "renamed.json",
            try String(contentsOf: written, encoding: .utf8).replacingOccurrences(
                of: "\"pipeline\": \"demo\"", with: "\"pipeline\": \"evil\""))
        let missing = try run(["validate", renamed])
        #expect(missing.status == 78)
        #expect(missing.stderr.contains("no pipeline named 'evil' in \(work.path)/Pipelines"), "\(missing.stderr)")
    }

    // MARK: - 8. Messages that say what happened and what to do

    @Test("extract on a folder, latest pointing at a device, and a JSON file that is no snapshot")
    func messages() throws {
        defer { try? FileManager.default.removeItem(at: work) }
        let folder = try run(["extract", work.path])
        #expect(folder.status == 66)
        #expect(folder.stderr.contains("is a folder, not a page"), "\(folder.stderr)")
        #expect(!folder.stderr.contains("NSCocoaErrorDomain"))

        #expect(try run(["run", "--pipeline", Self.demo, "--month", "2023-10", "--output", "out"]).status == 0)
        let latest = work.appendingPathComponent("out/demo/2023-10/latest")
        try FileManager.default.removeItem(at: latest)
        try FileManager.default.createSymbolicLink(atPath: latest.path, withDestinationPath: "/dev/zero")
        let device = try run(["show", "demo/2023-10", "--output", "out"])
        #expect(device.status == 65, "\(device.stderr)")
        #expect(device.stderr.contains("latest pointer is not a regular file"))
        #expect(!device.stderr.contains("every version was rejected"))

        let foreign = try write("package.json", "{\"name\": \"x\", \"version\": \"1.0.0\"}")
        let notSnapshot = try run(["show", foreign])
        #expect(notSnapshot.status == 66, "\(notSnapshot.stderr)")
        #expect(notSnapshot.stderr.contains("not a provstat snapshot"))
        #expect(!notSnapshot.stderr.contains("backup"))
    }
}
