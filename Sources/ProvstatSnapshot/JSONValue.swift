import Foundation

/// A JSON document as a tree, written in one canonical form so that equal trees give equal bytes.
///
/// Numbers are kept as their decimal text (never a binary double), so `0.32` stays `0.32` and
/// `1028840000` stays `1028840000`.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number as JSON text, e.g. `-0.32` or `1028840000`.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    // MARK: - Canonical text

    /// The canonical bytes: keys sorted by UTF-8 bytes, two-space indentation, `"key": value`,
    /// non-ASCII characters written as UTF-8, and a trailing newline.
    public func canonicalData() -> Data {
        var text = ""
        write(into: &text, indent: 0)
        text.append("\n")
        return Data(text.utf8)
    }

    private func write(into text: inout String, indent: Int) {
        switch self {
        case .null: text.append("null")
        case .bool(let value): text.append(value ? "true" : "false")
        case .number(let value): text.append(value)
        case .string(let value): Self.writeString(value, into: &text)
        case .array(let items):
            guard !items.isEmpty else { return text.append("[]") }
            text.append("[\n")
            for (index, item) in items.enumerated() {
                text.append(String(repeating: "  ", count: indent + 1))
                item.write(into: &text, indent: indent + 1)
                text.append(index == items.count - 1 ? "\n" : ",\n")
            }
            text.append(String(repeating: "  ", count: indent) + "]")
        case .object(let members):
            guard !members.isEmpty else { return text.append("{}") }
            text.append("{\n")
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                text.append(String(repeating: "  ", count: indent + 1))
                Self.writeString(key, into: &text)
                text.append(": ")
                members[key]!.write(into: &text, indent: indent + 1)
                text.append(index == keys.count - 1 ? "\n" : ",\n")
            }
            text.append(String(repeating: "  ", count: indent) + "}")
        }
    }

    private static func writeString(_ value: String, into text: inout String) {
        text.append("\"")
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text.append("\\\"")
            case "\\": text.append("\\\\")
            case "\n": text.append("\\n")
            case "\r": text.append("\\r")
            case "\t": text.append("\\t")
            case "\u{08}": text.append("\\b")
            case "\u{0C}": text.append("\\f")
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text.append("\"")
    }

    // MARK: - Editing

    /// The same tree with every member whose key is in `keys` removed, at any depth.
    public func removingKeys(_ keys: Set<String>) -> JSONValue {
        switch self {
        case .array(let items): .array(items.map { $0.removingKeys(keys) })
        case .object(let members):
            .object(members.filter { !keys.contains($0.key) }.mapValues { $0.removingKeys(keys) })
        default: self
        }
    }
}
