import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that a reader sees the old content or the new, never a mix: a temporary
/// file in the same directory, fsync, rename (or link), fsync of the directory.
///
/// Temporary files are named `.<name>.<pid>.tmp`; a crash can leave one behind, and
/// `removeLeftovers(in:)` clears them while the pipeline lock is held.
public enum AtomicFile {
    /// Writes `data` to `url` atomically and durably, replacing what was there (the `latest` pointer).
    public static func replace(_ data: Data, at url: URL, permissions: mode_t = 0o644) throws(SnapshotError) {
        let temporary = try writeTemporary(data, beside: url, permissions: permissions)
        guard rename(temporary.path, url.path) == 0 else {
            let error = failure("rename to", url.path)
            unlink(temporary.path)
            throw error
        }
        try syncDirectory(url.deletingLastPathComponent())
    }

    /// Writes `data` to a new file at `url`, atomically and durably; fails if `url` exists, so a
    /// written version can never be overwritten.
    public static func create(_ data: Data, at url: URL, permissions: mode_t = 0o444) throws(SnapshotError) {
        let temporary = try writeTemporary(data, beside: url, permissions: permissions)
        // link(2), unlike rename(2), refuses to replace an existing file.
        let linked = link(temporary.path, url.path)
        let error = linked == 0 ? nil : failure("link to", url.path)
        unlink(temporary.path)
        if let error { throw error }
        try syncDirectory(url.deletingLastPathComponent())
    }

    /// fsyncs a directory so that a rename or link in it survives a crash.
    public static func syncDirectory(_ directory: URL) throws(SnapshotError) {
        let descriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("open", directory.path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure("fsync", directory.path) }
    }

    /// Deletes temporary files that an interrupted writer left in `directory`.
    public static func removeLeftovers(in directory: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            unlink(directory.appendingPathComponent(name).path)
        }
    }

    // MARK: - Writing

    private static func writeTemporary(_ data: Data, beside url: URL, permissions: mode_t) throws(SnapshotError) -> URL
    {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw failure("create", temporary.path) }
        var error: SnapshotError? = nil
        if !writeAll(data, to: descriptor) {
            error = failure("write", temporary.path)
        } else if fchmod(descriptor, permissions) != 0 {
            // The umask may have narrowed the mode given to open(2); readers need exactly this one.
            error = failure("chmod", temporary.path)
        } else if fsync(descriptor) != 0 {
            error = failure("fsync", temporary.path)
        }
        if close(descriptor) != 0, error == nil { error = failure("close", temporary.path) }
        if let error {
            unlink(temporary.path)
            throw error
        }
        return temporary
    }

    /// Writes every byte, retrying short writes and EINTR; false on any other failure.
    static func writeAll(_ data: Data, to descriptor: Int32) -> Bool {
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }

    /// The error for a failed system call, with errno's text.
    static func failure(_ call: String, _ path: String) -> SnapshotError {
        .writeFailed(path: path, detail: "\(call): \(String(cString: strerror(errno)))")
    }
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif
