import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that readers (and a later run after a kill) see the old file or the whole
/// new one, never a torn one: a temporary file in the same folder, flushed, then renamed.
enum AtomicWrite {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ data: Data, to destination: URL) throws(Failure) {
        let folder = destination.deletingLastPathComponent()
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw Failure(description: "cannot create \(folder.path): \(error.localizedDescription)")
        }
        let temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw Failure(description: "cannot create \(temporary.path): \(errnoText())") }
        var ok = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
        let writeError = ok ? "" : errnoText()
        // fsync before rename: otherwise a crash can leave the new name pointing at empty blocks.
        ok = ok && fsync(descriptor) == 0
        close(descriptor)
        guard ok, rename(temporary.path, destination.path) == 0 else {
            let why = writeError.isEmpty ? errnoText() : writeError
            unlink(temporary.path)
            throw Failure(description: "cannot write \(destination.path): \(why)")
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
