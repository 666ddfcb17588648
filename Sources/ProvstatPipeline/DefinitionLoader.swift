import Foundation
import ProvstatCore
import ProvstatExtract
import Yams

/// Reads pipeline definitions (YAML) into `PipelineDefinition`s, with file:line:key errors.
public struct DefinitionLoader: Sendable {
    /// Folders searched for `NAME.yaml` when a pipeline is named rather than given as a path.
    public var searchPaths: [URL]

    public init(searchPaths: [URL] = [URL(fileURLWithPath: "Pipelines")]) {
        self.searchPaths = searchPaths
    }

    /// Resolves a name (`demo`) or a path (`Pipelines/demo.yaml`) to a definition file.
    public func locate(_ nameOrPath: String) throws(DefinitionError) -> URL {
        let direct = URL(fileURLWithPath: nameOrPath)
        if nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") || nameOrPath.contains("/") {
            guard FileManager.default.fileExists(atPath: direct.path) else {
                throw DefinitionError(file: nameOrPath, line: nil, key: nil, message: "no such pipeline file")
            }
            return direct
        }
        for folder in searchPaths {
            for ext in ["yaml", "yml"] {
                let candidate = folder.appendingPathComponent("\(nameOrPath).\(ext)")
                if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            }
        }
        let searched = searchPaths.map(\.path).joined(separator: ", ")
        throw DefinitionError(
            file: nameOrPath, line: nil, key: nil,
            message: "no pipeline named '\(nameOrPath)' in \(searched); give a path to a .yaml file instead")
    }

    /// Loads the definition of a pipeline named by data (a snapshot's `pipeline`), never as a
    /// path: the name must be valid and the file is looked for only in `searchPaths`.
    public func load(named name: String) throws(DefinitionError) -> PipelineDefinition {
        guard PipelineName.isValid(name) else {
            throw DefinitionError(
                file: name, line: nil, key: nil,
                message: "not a valid pipeline name (letters, digits, '-', '_'); give the definition with --pipeline")
        }
        return try load(name)
    }

    /// Loads a definition by name or path.
    public func load(_ nameOrPath: String) throws(DefinitionError) -> PipelineDefinition {
        try load(file: locate(nameOrPath))
    }

    /// Loads and validates one definition file.
    public func load(file: URL) throws(DefinitionError) -> PipelineDefinition {
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw DefinitionError(
                file: file.path, line: nil, key: nil, message: "cannot read: \(error.localizedDescription)")
        }
        return try load(data: data, file: file)
    }

    /// Validates the bytes of a definition as if read from `file` (which names it in errors and
    /// anchors its relative source paths).
    public func load(data: Data, file: URL) throws(DefinitionError) -> PipelineDefinition {
        guard let text = String(data: data, encoding: .utf8) else {
            throw DefinitionError(file: file.path, line: nil, key: nil, message: "not UTF-8 text")
        }
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch let error as YamlError {
            throw Self.definitionError(file: file.path, yamlError: error)
        } catch {
            throw DefinitionError(file: file.path, line: nil, key: nil, message: "invalid YAML: \(error)")
        }
        guard let node else { throw DefinitionError(file: file.path, line: 1, key: nil, message: "the file is empty") }
        let digest = SHA256Hex.digest(data)
        return try DefinitionReader(file: file, digest: digest).read(YAMLValue(node: node, file: file.path, path: ""))
    }

    static func definitionError(file: String, yamlError: YamlError) -> DefinitionError {
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return DefinitionError(file: file, line: mark.line, key: nil, message: "invalid YAML: \(problem)")
        default:
            return DefinitionError(file: file, line: nil, key: nil, message: "invalid YAML: \(yamlError)")
        }
    }
}
