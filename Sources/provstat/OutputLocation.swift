import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where snapshots and the raw cache live: `--output`, else `PROVSTAT_OUTPUT`, else `Output/`.
enum OutputLocation {
    static func root(_ option: String?) -> URL {
        URL(fileURLWithPath: option ?? ProcessInfo.processInfo.environment["PROVSTAT_OUTPUT"] ?? "Output")
    }

    /// The raw page cache: `PROVSTAT_CACHE`, else `.raw` under the output root.
    static func cache(_ outputOption: String?) -> URL {
        if let cache = ProcessInfo.processInfo.environment["PROVSTAT_CACHE"] { return URL(fileURLWithPath: cache) }
        return root(outputOption).appendingPathComponent(".raw")
    }

    /// Creates the folder if needed and checks it can be written; nil when fine, else why not.
    static func ensureWritable(_ folder: URL) -> String? {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            return "cannot create: \(error.localizedDescription)"
        }
        return access(folder.path, W_OK | X_OK) == 0 ? nil : "not writable by this user"
    }
}
