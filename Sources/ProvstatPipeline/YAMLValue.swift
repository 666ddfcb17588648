import Foundation
import Yams

/// A node of a pipeline definition, with the file and key path it stands at, so that every
/// error names file, line and key.
struct YAMLValue {
    let node: Node
    let file: String
    let path: String

    var line: Int? { node.mark?.line }

    /// Whether the value is a list.
    var isSequence: Bool { node.sequence != nil }

    func error(_ message: String) -> DefinitionError {
        DefinitionError(file: file, line: line, key: path.isEmpty ? nil : path, message: message)
    }

    // MARK: - Mappings

    /// The mapping's entries; throws if this is not a mapping or holds a key outside `allowed`.
    func mapping(allowed: Set<String>) throws(DefinitionError) -> [String: YAMLValue] {
        guard let mapping = node.mapping else { throw error("expected a mapping of keys to values") }
        var entries: [String: YAMLValue] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { throw error("keys must be strings") }
            let childPath = path.isEmpty ? name : "\(path).\(name)"
            guard allowed.contains(name) else {
                let known = allowed.sorted().joined(separator: ", ")
                throw DefinitionError(
                    file: file, line: key.mark?.line, key: childPath,
                    message: "unknown key (known keys here: \(known))")
            }
            entries[name] = YAMLValue(node: value, file: file, path: childPath)
        }
        return entries
    }

    /// The sequence's items; throws if this is not a sequence.
    func sequence() throws(DefinitionError) -> [YAMLValue] {
        guard let sequence = node.sequence else { throw error("expected a list") }
        return sequence.enumerated().map { index, item in
            YAMLValue(node: item, file: file, path: "\(path)[\(index)]")
        }
    }

    // MARK: - Scalars

    func string() throws(DefinitionError) -> String {
        guard case .scalar(let scalar) = node else { throw error("expected a single value, not a list or mapping") }
        return scalar.string
    }

    func nonEmptyString() throws(DefinitionError) -> String {
        let value = try string().trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { throw error("must not be empty") }
        return value
    }

    func int() throws(DefinitionError) -> Int {
        guard let value = node.int else { throw error("expected a whole number, found '\(node.string ?? "")'") }
        return value
    }

    func double() throws(DefinitionError) -> Double {
        guard let value = node.float ?? node.int.map(Double.init) else {
            throw error("expected a number, found '\(node.string ?? "")'")
        }
        return value
    }

    func decimal() throws(DefinitionError) -> Decimal {
        let text = try string()
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), "\(value)" != "NaN"
        else { throw error("expected a number in plain form (1500000000), found '\(text)'") }
        return value
    }

    func bool() throws(DefinitionError) -> Bool {
        guard let value = node.bool else { throw error("expected true or false, found '\(node.string ?? "")'") }
        return value
    }

    func strings() throws(DefinitionError) -> [String] {
        if case .scalar = node { return [try nonEmptyString()] }
        return try sequence().map { (item) throws(DefinitionError) in try item.nonEmptyString() }
    }
}

extension Dictionary where Key == String, Value == YAMLValue {
    /// The value of a key that must be present.
    func required(_ key: String, in parent: YAMLValue) throws(DefinitionError) -> YAMLValue {
        guard let value = self[key] else {
            let childPath = parent.path.isEmpty ? key : "\(parent.path).\(key)"
            throw DefinitionError(
                file: parent.file, line: parent.line, key: childPath, message: "required key is missing")
        }
        return value
    }
}
