import Foundation
import ProvstatCore

/// The one encoder and decoder for snapshot bytes, so the same content gives the same bytes.
public enum SnapshotCoding {
    /// Top-level members that change on every run without the content changing: they are left out
    /// when deciding whether a re-run is "unchanged".
    public static let volatileKeys: Set<String> = [
        "run_id", "started_at", "finished_at", "fetched_at", "supersedes", "http_status",
    ]

    /// Encodes canonically (see `JSONValue.canonicalData()`): sorted keys, exact decimals,
    /// two-space indentation and a trailing newline.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        try JSONValueEncoder().encode(value).canonicalData()
    }

    /// Decodes a snapshot file's bytes, telling a cut-short or foreign file from a newer format.
    public static func decodeSnapshot(_ data: Data, path: String) throws(SnapshotError) -> Snapshot {
        let probe: SchemaProbe
        do { probe = try JSONDecoder().decode(SchemaProbe.self, from: data) } catch DecodingError.typeMismatch {
            throw .notASnapshot(path: path, detail: "JSON, but not an object")
        } catch {
            throw .corrupt(path: path, detail: data.isEmpty ? "empty file" : "invalid JSON, possibly truncated")
        }
        guard let schema = probe.schema else {
            throw .notASnapshot(path: path, detail: "JSON without a \"schema\" member")
        }
        guard schema <= Snapshot.currentSchema else {
            throw .newerSchema(path: path, found: schema, supported: Snapshot.currentSchema)
        }
        let snapshot: Snapshot
        do { snapshot = try JSONDecoder().decode(Snapshot.self, from: data) } catch let error as DecodingError {
            throw .corrupt(path: path, detail: describe(error))
        } catch {
            throw .corrupt(path: path, detail: "\(error)")
        }
        // The name is used to find folders and definitions: hold it to a definition's rule.
        guard PipelineName.isValid(snapshot.pipeline) else {
            throw .corrupt(
                path: path,
                detail: "its pipeline '\(snapshot.pipeline.prefix(60))' is not a valid name (letters, digits, '-', '_')"
            )
        }
        return snapshot
    }

    /// SHA-256 of the content that matters: the canonical tree without `volatileKeys`, and with the
    /// way a page's bytes were obtained (fetched, 304, replayed) folded into one, since the bytes'
    /// own digest is kept.
    public static func contentDigest(_ snapshot: Snapshot) throws -> String {
        var content = snapshot
        for index in content.sources.indices where content.sources[index].succeeded {
            content.sources[index].outcome = .fetched
        }
        return SHA256Hex.digest(try JSONValueEncoder().encode(content).removingKeys(volatileKeys).canonicalData())
    }

    private struct SchemaProbe: Decodable {
        let schema: Int?
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "top level" : String(keys.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \"\(key.stringValue)\" at \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
