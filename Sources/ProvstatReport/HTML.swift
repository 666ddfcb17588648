/// Escaping for text and attribute values in the report's HTML and SVG.
public enum HTML {
    /// Text safe between tags and inside double-quoted attributes: `&`, `<`, `>`, `"` and `'` escaped.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A link target for a source page, or nil when its scheme is not one a reader can follow
    /// safely (`http`, `https`, `file`): `javascript:` and the like never become links.
    public static func safeLink(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("file://") else {
            return nil
        }
        return escape(url)
    }

    /// A name safe as a file name in the site: letters, digits, `-` and `_` kept, anything else `_`.
    public static func fileName(_ text: String) -> String {
        let kept = text.unicodeScalars.map { scalar -> Character in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-"
                    || scalar == "_")
                ? Character(scalar) : "_"
        }
        return kept.isEmpty ? "_" : String(kept)
    }
}
