import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file that could not be written: its path and the system call that failed, with errno's text.
public struct FileWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or folder) being written.
    public var path: String
    /// What failed, e.g. `fsync: No space left on device`.
    public var detail: String

    /// An error for `path` with `detail`.
    public init(path: String, detail: String) {
        self.path = path
        self.detail = detail
    }

    /// The error for a system call on `path` that just failed, with the current errno's text.
    public static func lastError(_ call: String, _ path: String) -> FileWriteError {
        FileWriteError(path: path, detail: "\(call): \(String(cString: strerror(errno)))")
    }

    public var description: String { "cannot write \(path): \(detail)" }
}
