import Foundation
import Testing

@testable import ProvstatSnapshot

/// Checks a `JSONValue` against the subset of JSON Schema that `snapshot.schema.json` uses:
/// `type`, `const`, `enum`, `pattern`, `properties`, `required`, `additionalProperties`, `items`
/// and local `$ref`s. Returns one message per violation, with its path.
struct SchemaSubsetValidator {
    let root: [String: Any]

    init(file: URL) throws {
        root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
    }

    func violations(of value: JSONValue) -> [String] {
        check(value, against: root, at: "$")
    }

    private func check(_ value: JSONValue, against schema: [String: Any], at path: String) -> [String] {
        if let reference = schema["$ref"] as? String {
            let name = String(reference.dropFirst("#/$defs/".count))
            guard let definition = (root["$defs"] as? [String: Any])?[name] as? [String: Any] else {
                return ["\(path): unresolved \(reference)"]
            }
            return check(value, against: definition, at: path)
        }
        var problems: [String] = []
        if let type = schema["type"] as? String, !Self.matches(value, type: type) {
            problems.append("\(path): expected \(type), found \(value)")
        }
        if let constant = schema["const"] as? Int, value != .number(String(constant)) {
            problems.append("\(path): expected \(constant)")
        }
        if let allowed = schema["enum"] as? [String] {
            if case .string(let text) = value, allowed.contains(text) {
            } else {
                problems.append("\(path): \(value) not in \(allowed)")
            }
        }
        if let pattern = schema["pattern"] as? String, case .string(let text) = value,
            text.range(of: pattern, options: .regularExpression) == nil
        {
            problems.append("\(path): '\(text)' does not match \(pattern)")
        }
        if case .object(let members) = value {
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            for key in schema["required"] as? [String] ?? [] where members[key] == nil {
                problems.append("\(path): missing required \(key)")
            }
            for (key, member) in members {
                if let property = properties[key] {
                    problems += check(member, against: property, at: "\(path).\(key)")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    problems += check(member, against: additional, at: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path): \(key) is not in the schema")
                }
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] as? [String: Any] {
            for (index, item) in items.enumerated() {
                problems += check(item, against: itemSchema, at: "\(path)[\(index)]")
            }
        }
        return problems
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("number", .number):
            return true
        case ("integer", .number(let text)):
            return Int(text) != nil
        default:
            return false
        }
    }
}
