import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The built `provstat` executable, run as a child process (it lies next to the test bundle).
struct ChildProvstat {
    /// What a finished child printed and how it exited.
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Whether it ended by a signal rather than exit(3).
        var signalled: Bool
    }

    let executable: URL

    /// Finds `provstat` beside the test bundle; nil when it has not been built.
    static func locate() -> ChildProvstat? {
        var directory = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("provstat")
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return ChildProvstat(executable: candidate)
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    /// Starts the child with `arguments`; output goes to files in `workDirectory`.
    func start(_ arguments: [String], in workDirectory: URL, environment: [String: String] = [:]) throws -> Running {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = workDirectory
        var merged = ProcessInfo.processInfo.environment
        merged.removeValue(forKey: "PROVSTAT_OUTPUT")
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let name = UUID().uuidString
        let out = workDirectory.appendingPathComponent(".out-\(name)")
        let err = workDirectory.appendingPathComponent(".err-\(name)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        return Running(process: process, out: out, err: err)
    }

    /// Runs the child to completion.
    func run(_ arguments: [String], in workDirectory: URL, environment: [String: String] = [:]) throws -> Outcome {
        try start(arguments, in: workDirectory, environment: environment).wait()
    }

    /// A started child.
    struct Running {
        let process: Process
        let out: URL
        let err: URL

        /// Sends SIGKILL (harmless if the child has already exited).
        func kill() {
            _ = sendSignal(process.processIdentifier, SIGKILL)
        }

        func wait() -> Outcome {
            process.waitUntilExit()
            defer {
                try? FileManager.default.removeItem(at: out)
                try? FileManager.default.removeItem(at: err)
            }
            return Outcome(
                status: process.terminationStatus,
                stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "",
                signalled: process.terminationReason == .uncaughtSignal)
        }
    }
}

/// A one-source pipeline reading a local page, so runs need no network and take milliseconds.
struct TinyPipeline {
    let directory: URL
    var definition: URL { directory.appendingPathComponent("tiny.yaml") }
    var page: URL { directory.appendingPathComponent("page.html") }

    init(in directory: URL, name: String = "tiny") throws {
        self.directory = directory
        try """
        pipeline: \(name)
        sources:
          - id: report
            url: page.html
        indicators:
          - id: exports
            name: kim ngạch xuất khẩu
            unit: USD
        """.write(to: definition, atomically: true, encoding: .utf8)
        try setPage(exports: 925)
    }

    /// Rewrites the page so that the next run reads other figures.
    func setPage(exports: Int) throws {
        try """
        <html><head><meta charset="utf-8"><title>Báo cáo tháng 10</title></head><body><article>
        <p>Kim ngạch xuất khẩu tháng 10 ước đạt \(exports) triệu USD, tăng 12,5% so với cùng kỳ.</p>
        <p>Tổng thu ngân sách đạt 1.028,84 tỷ đồng, bằng 0,32% dự toán.</p>
        </article></body></html>
        """.write(to: page, atomically: true, encoding: .utf8)
    }

    func runArguments(output: String? = "out", month: String = "2023-10") -> [String] {
        ["run", "--pipeline", definition.path, "--month", month] + (output.map { ["--output", $0] } ?? [])
    }
}

#if canImport(Glibc)
    private let sendSignal = Glibc.kill
#elseif canImport(Darwin)
    private let sendSignal = Darwin.kill
#endif
