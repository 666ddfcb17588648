/// Why a page could not be parsed.
public struct ParseError: Error, Sendable, CustomStringConvertible {
    /// The page (URL or path) that failed.
    public var source: String
    /// What went wrong.
    public var message: String

    public init(source: String, message: String) {
        self.source = source
        self.message = message
    }

    public var description: String { "\(source): \(message)" }
}
