import ArgumentParser
import Foundation

/// The `--output DIR` option every snapshot command shares.
enum OutputRoot {
    static let help: ArgumentHelp = "The snapshot root (default: $PROVSTAT_OUTPUT, else Output/)."

    /// `--output`, else `$PROVSTAT_OUTPUT`, else `Output/`.
    static func resolve(_ option: String?) -> URL {
        let environment = ProcessInfo.processInfo.environment["PROVSTAT_OUTPUT"].flatMap { $0.isEmpty ? nil : $0 }
        return URL(fileURLWithPath: option ?? environment ?? "Output", isDirectory: true)
    }
}
