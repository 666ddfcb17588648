import ArgumentParser
import Foundation

/// `provstat bench …`: runs the `provstat-bench` binary that stands beside this one.
///
/// The benchmarks are a separate executable so that the shipped `provstat` links neither swift-nio
/// (the loopback server `bench fetch` starts) nor the benchmark-only fetch engines.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the fetch, extract and report stages against their baselines (runs provstat-bench).",
        discussion: """
            Hands its arguments to the provstat-bench executable in the same folder as provstat
            (`provstat bench extract …` is `provstat-bench extract …`). Build it with
            `swift build -c release --product provstat-bench`.
            """)

    @Argument(
        parsing: .captureForPassthrough,
        help: "fetch, extract or report, and their options (see provstat-bench --help).")
    var arguments: [String] = []

    func run() throws {
        guard let binary = Self.benchmarkBinary else {
            printError(
                "provstat bench: no provstat-bench beside this provstat; build it with "
                    + "`swift build -c release --product provstat-bench`")
            throw ExitStatus.unavailable
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        do { try process.run() } catch {
            printError("provstat bench: cannot start \(binary.path): \(error.localizedDescription)")
            throw ExitStatus.unavailable
        }
        process.waitUntilExit()
        throw ExitCode(process.terminationStatus)
    }

    /// `provstat-bench` in the folder of the running executable, when it is there and executable.
    static var benchmarkBinary: URL? {
        guard let folder = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() else {
            return nil
        }
        let binary = folder.appendingPathComponent("provstat-bench")
        return FileManager.default.isExecutableFile(atPath: binary.path) ? binary : nil
    }
}
