import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes log lines to standard error: readable on a terminal, and with `<N>` syslog priority
/// prefixes under systemd (JOURNAL_STREAM set) or when standard error is not a terminal, so
/// that the journal records each line's severity.
public struct ConsoleLogHandler: LogHandler {
    /// How lines are written.
    public enum Style: Sendable {
        /// `04:00:01 warning message key=value`, for people.
        case terminal
        /// `<4>message key=value`, for journald and log files.
        case journal
    }

    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let style: Style
    private let sink: @Sendable (String) -> Void

    /// A handler for `label`; `sink` receives each finished line (standard error by default).
    public init(
        label: String, level: Logger.Level, style: Style = ConsoleLogHandler.detectStyle(),
        sink: @escaping @Sendable (String) -> Void = ConsoleLogHandler.writeToStandardError
    ) {
        self.label = label
        self.logLevel = level
        self.style = style
        self.sink = sink
    }

    /// `.journal` under systemd or when standard error is not a terminal, else `.terminal`.
    public static func detectStyle(environment: [String: String] = ProcessInfo.processInfo.environment) -> Style {
        if environment["JOURNAL_STREAM"] != nil { return .journal }
        return isatty(STDERR_FILENO) == 1 ? .terminal : .journal
    }

    public static let writeToStandardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let fields = merged.keys.sorted().map { "\($0)=\(merged[$0]!)" }.joined(separator: " ")
        let text = fields.isEmpty ? "\(event.message)" : "\(event.message) \(fields)"
        switch style {
        case .journal:
            sink("<\(Self.priority(event.level))>\(text)")
        case .terminal:
            let time = Date().formatted(
                .dateTime.hour(.twoDigits(amPM: .omitted)).minute(.twoDigits).second(.twoDigits))
            sink("\(time) \(event.level.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))\(text)")
        }
    }

    /// The syslog priority of a level (sd-daemon(3)).
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}
