import ArgumentParser
import Logging
import ProvstatPipeline

/// `--log-level` and `--quiet`, and the logger they configure.
struct LoggingOptions: ParsableArguments {
    @Option(name: .long, help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .info

    @Flag(name: .long, help: "Print no summary; log warnings and errors only.")
    var quiet = false

    /// A progress line on standard error when it is a terminal and the run is not quiet.
    var progressLine: ProgressLine? {
        quiet || ConsoleLogHandler.detectStyle() != .terminal ? nil : ProgressLine()
    }

    /// Installs the console handler (journal priorities under systemd) and returns the logger.
    func bootstrap() -> Logger {
        let level = quiet ? max(logLevel, .warning) : logLevel
        LoggingSystem.bootstrap { ConsoleLogHandler(label: $0, level: level) }
        return Logger(label: "provstat")
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
