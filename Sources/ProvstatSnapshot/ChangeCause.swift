/// Why a value differs between two snapshots.
public struct ChangeCause: Hashable, Sendable, Encodable {
    /// The kind of reason.
    public enum Kind: String, Hashable, Sendable, Encodable {
        /// The source page's raw bytes differ: the province changed (or replaced) its page.
        case source
        /// The raw bytes are the same; provstat or the pipeline definition read them differently.
        case reading
        /// Same bytes, same provstat, same definition: nothing recorded explains the change.
        case unexplained
    }

    public var kind: Kind
    /// One sentence for people, e.g. "source page changed: https://… (raw 1a2b3c4d → 5e6f7a8b)".
    public var detail: String

    public init(kind: Kind, detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// Explains a difference in a value read from `oldURL`/`oldDigest` (old snapshot) and
    /// `newURL`/`newDigest` (new snapshot).
    static func explain(
        oldURL: String?, oldDigest: String?, newURL: String?, newDigest: String?, old: Snapshot?, new: Snapshot?
    ) -> ChangeCause {
        if oldDigest != newDigest || oldURL != newURL {
            var detail =
                "source page changed: \(newURL ?? oldURL ?? "?") (raw \(short(oldDigest)) → \(short(newDigest)))"
            if let oldURL, let newURL, oldURL != newURL { detail = "read from another page: \(oldURL) → \(newURL)" }
            return ChangeCause(kind: .source, detail: detail)
        }
        var readers: [String] = []
        if let old, let new, old.provstatVersion != new.provstatVersion {
            readers.append("provstat \(old.provstatVersion) → \(new.provstatVersion)")
        }
        if let old, let new, old.definitionDigest != new.definitionDigest {
            readers.append("pipeline definition \(short(old.definitionDigest)) → \(short(new.definitionDigest))")
        }
        guard !readers.isEmpty else {
            return ChangeCause(kind: .unexplained, detail: "same raw page, provstat version and pipeline definition")
        }
        return ChangeCause(
            kind: .reading, detail: "reading changed (same raw page): " + readers.joined(separator: ", "))
    }

    static func short(_ digest: String?) -> String {
        digest.map { String($0.prefix(8)) } ?? "none"
    }
}
