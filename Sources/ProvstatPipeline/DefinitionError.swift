/// A pipeline definition that cannot be used: names the file, the line and the key.
public struct DefinitionError: Error, Sendable, CustomStringConvertible {
    /// The definition file.
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The key path, e.g. `sources[1].url`.
    public var key: String?
    /// What is wrong and what to do.
    public var message: String

    public init(file: String, line: Int?, key: String?, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let key, !key.isEmpty { return "\(location): \(key): \(message)" }
        return "\(location): \(message)"
    }
}
