import Foundation

/// Writes one line to standard error (for messages before logging is set up, and for commands without it).
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
