import Foundation
import ProvstatCore

/// What a command line names a snapshot (or a set of them) by.
public enum SnapshotReference: Hashable, Sendable {
    /// Which version of a month.
    public enum Selector: Hashable, Sendable {
        /// The version the `latest` pointer names.
        case latest
        /// `vN`.
        case version(Int)
    }

    /// A snapshot file given by path.
    case file(URL)
    /// `PIPELINE/YYYY-MM`, `PIPELINE/YYYY-MM@latest` or `PIPELINE/YYYY-MM@vN` under the output root.
    case stored(pipeline: String, month: Month, selector: Selector)
    /// A whole output root: every pipeline and month in it, at their latest versions.
    case root(URL)

    /// Reads a reference: the `PIPELINE/YYYY-MM[@…]` form (checked first, so that a month folder
    /// under the current directory is not taken for an output root), else an existing file or folder.
    public static func parse(_ text: String) throws(SnapshotError) -> SnapshotReference {
        let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        let path = parts[0].split(separator: "/", omittingEmptySubsequences: false)
        let looksStored =
            path.count == 2 && !path[0].isEmpty && !path[0].hasPrefix(".")
            && (parts.count == 2 || path[1].count == 7 && path[1].dropFirst(4).first == "-")
        guard looksStored else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: text, isDirectory: &isDirectory) else {
                throw .unknownReference(text, detail: "no such file or folder")
            }
            let url = URL(fileURLWithPath: text)
            return isDirectory.boolValue ? .root(url) : .file(url)
        }
        guard let month = Month(String(path[1])) else {
            throw .unknownReference(text, detail: "'\(path[1])' is not a month in YYYY-MM form")
        }
        var selector = Selector.latest
        if parts.count == 2 {
            let tag = parts[1]
            if tag == "latest" {
                selector = .latest
            } else if tag.hasPrefix("v"), let number = Int(tag.dropFirst()), number > 0 {
                selector = .version(number)
            } else {
                throw .unknownReference(text, detail: "'@\(tag)' is neither @latest nor @vN")
            }
        }
        return .stored(pipeline: String(path[0]), month: month, selector: selector)
    }
}

extension SnapshotReference: CustomStringConvertible {
    public var description: String {
        switch self {
        case .file(let url), .root(let url): url.path
        case .stored(let pipeline, let month, .latest): "\(pipeline)/\(month)@latest"
        case .stored(let pipeline, let month, .version(let number)): "\(pipeline)/\(month)@v\(number)"
        }
    }
}
