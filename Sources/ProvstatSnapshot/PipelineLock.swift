import Foundation
import ProvstatSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on one pipeline's output: `flock(2)` on `<root>/<pipeline>/.lock`.
///
/// The kernel drops the lock when the descriptor closes, including when the process is killed,
/// so a crashed run never leaves a stale lock. The file stays in place (unlinking a lock file
/// races with a process that has just opened it); its content only names the last holder.
public final class PipelineLock: Sendable {
    /// The lock file.
    public let file: URL
    private let descriptor: Int32

    /// Takes the lock without waiting, recording `holder` in the file.
    public init(root: URL, pipeline: String, holder: LockHolder) throws(LockError) {
        let file = root.appendingPathComponent(pipeline).appendingPathComponent(".lock")
        let descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .unavailable(lockFile: file.path, detail: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let current = Self.readHolder(descriptor)
            close(descriptor)
            if code == EWOULDBLOCK { throw .held(pipeline: pipeline, holder: current, lockFile: file.path) }
            throw .unavailable(lockFile: file.path, detail: String(cString: strerror(code)))
        }
        // Best effort: the lock is what matters; the record only improves the next run's message.
        if let record = try? JSONEncoder().encode(holder), ftruncate(descriptor, 0) == 0 {
            _ = AtomicFile.writeAll(record + Data("\n".utf8), to: descriptor)
        }
        self.file = file
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    private static func readHolder(_ descriptor: Int32) -> LockHolder? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return try? JSONDecoder().decode(LockHolder.self, from: Data(buffer[0..<count]))
    }
}
