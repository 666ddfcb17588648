import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `--output DIR` option every snapshot command shares.
enum OutputRoot {
    static let help: ArgumentHelp = "The snapshot root (default: $PROVSTAT_OUTPUT, else Output/)."

    /// `--output`, else `$PROVSTAT_OUTPUT`, else `Output/`.
    static func resolve(_ option: String?) -> URL {
        let environment = ProcessInfo.processInfo.environment["PROVSTAT_OUTPUT"].flatMap { $0.isEmpty ? nil : $0 }
        return URL(fileURLWithPath: option ?? environment ?? "Output", isDirectory: true)
    }

    /// The raw page cache: `PROVSTAT_CACHE`, else `.raw` under the output root.
    static func cache(_ outputOption: String?) -> URL {
        if let cache = ProcessInfo.processInfo.environment["PROVSTAT_CACHE"], !cache.isEmpty {
            return URL(fileURLWithPath: cache, isDirectory: true)
        }
        return resolve(outputOption).appendingPathComponent(".raw", isDirectory: true)
    }

    /// Creates the folder if needed and checks it can be written; nil when fine, else why not.
    static func problemWriting(_ folder: URL) -> String? {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            return "cannot create: \(error.localizedDescription)"
        }
        return access(folder.path, W_OK | X_OK) == 0 ? nil : "not writable by this user"
    }
}
