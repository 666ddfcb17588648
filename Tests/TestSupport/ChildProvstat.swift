import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The built `provstat` executable, run as a child process (it lies next to the test bundle).
public struct ChildProvstat: Sendable {
    /// What a finished child printed and how it exited.
    public struct Outcome: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// Whether it ended by a signal rather than exit(3).
        public var signalled: Bool
    }

    public let executable: URL

    public init(executable: URL) {
        self.executable = executable
    }

    /// Finds `provstat` beside the test bundle; nil when it has not been built.
    public static func locate() -> ChildProvstat? {
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
    public func start(_ arguments: [String], in workDirectory: URL, environment: [String: String] = [:]) throws
        -> Running
    {
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
    public func run(_ arguments: [String], in workDirectory: URL, environment: [String: String] = [:]) throws -> Outcome
    {
        try start(arguments, in: workDirectory, environment: environment).wait()
    }

    /// A started child.
    public struct Running {
        public let process: Process
        let out: URL
        let err: URL

        /// Sends SIGKILL (harmless if the child has already exited).
        public func kill() {
            _ = sendSignal(process.processIdentifier, SIGKILL)
        }

        public func wait() -> Outcome {
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

#if canImport(Glibc)
    private let sendSignal = Glibc.kill
#elseif canImport(Darwin)
    private let sendSignal = Darwin.kill
#endif
