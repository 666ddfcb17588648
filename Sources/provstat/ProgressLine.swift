import Foundation

/// One line on a terminal's standard error, rewritten in place as a run progresses.
struct ProgressLine: Sendable {
    /// Replaces the line with `text`.
    func show(_ text: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    /// Erases the line, so that the summary and log lines start clean.
    func clear() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
