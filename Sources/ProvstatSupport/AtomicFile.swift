import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that a reader sees the old content or the new, never a mix: a temporary
/// file in the same directory, fsync, rename (or link), fsync of the directory.
///
/// Temporary files are named `.<name>.<pid>.<unique>.tmp`, so that threads of one process writing
/// the same file never share one; a crash can leave one behind, and `removeLeftovers(in:)` clears
/// them while the pipeline lock is held.
public enum AtomicFile {
    /// Writes `data` to `url` atomically and durably, replacing what was there (the `latest`
    /// pointer, a raw-store record); with `createFolders`, makes the missing folders first.
    public static func replace(
        _ data: Data, at url: URL, permissions: mode_t = 0o644, createFolders: Bool = false
    ) throws(FileWriteError) {
        let directory = url.deletingLastPathComponent()
        if createFolders {
            do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
                throw FileWriteError(path: directory.path, detail: "mkdir: \(error.localizedDescription)")
            }
        }
        let temporary = try writeTemporary(data, beside: url, permissions: permissions)
        guard rename(temporary.path, url.path) == 0 else {
            let error = FileWriteError.lastError("rename to", url.path)
            unlink(temporary.path)
            throw error
        }
        try syncDirectory(directory)
    }

    /// Writes `data` to a new file at `url`, atomically and durably; fails if `url` exists, so a
    /// written version can never be overwritten.
    public static func create(_ data: Data, at url: URL, permissions: mode_t = 0o444) throws(FileWriteError) {
        let temporary = try writeTemporary(data, beside: url, permissions: permissions)
        // link(2), unlike rename(2), refuses to replace an existing file.
        let linked = link(temporary.path, url.path)
        let error = linked == 0 ? nil : FileWriteError.lastError("link to", url.path)
        unlink(temporary.path)
        if let error { throw error }
        try syncDirectory(url.deletingLastPathComponent())
    }

    /// fsyncs a directory so that a rename or link in it survives a crash.
    public static func syncDirectory(_ directory: URL) throws(FileWriteError) {
        let descriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .lastError("open", directory.path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw .lastError("fsync", directory.path) }
    }

    /// Deletes temporary files that an interrupted writer left in `directory`.
    public static func removeLeftovers(in directory: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            unlink(directory.appendingPathComponent(name).path)
        }
    }

    /// Writes every byte, retrying short writes and EINTR; false on any other failure.
    public static func writeAll(_ data: Data, to descriptor: Int32) -> Bool {
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

    // MARK: - Writing

    private static func writeTemporary(_ data: Data, beside url: URL, permissions: mode_t) throws(FileWriteError)
        -> URL
    {
        let directory = url.deletingLastPathComponent()
        let unique = UUID().uuidString.prefix(8)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(unique).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw .lastError("create", temporary.path) }
        var error: FileWriteError? = nil
        if !writeAll(data, to: descriptor) {
            error = .lastError("write", temporary.path)
        } else if fchmod(descriptor, permissions) != 0 {
            // The umask may have narrowed the mode given to open(2); readers need exactly this one.
            error = .lastError("chmod", temporary.path)
        } else if fsync(descriptor) != 0 {
            // Before the rename: otherwise a crash can leave the new name pointing at empty blocks.
            error = .lastError("fsync", temporary.path)
        }
        if close(descriptor) != 0, error == nil { error = .lastError("close", temporary.path) }
        if let error {
            unlink(temporary.path)
            throw error
        }
        return temporary
    }
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif
