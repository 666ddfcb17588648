/// How much an element's class and id names make it look like an article body or like furniture.
enum ClassNameWeight {
    /// Class and id fragments of article bodies.
    static let positiveNames = [
        "content", "article", "detail", "body", "post", "entry", "main", "noidung", "chitiet", "baiviet", "story",
        "text", "richhtml", "news-content", "fulltext",
    ]

    /// Class and id fragments that always mean page furniture.
    static let furnitureNames = [
        "menu", "nav", "footer", "sidebar", "counter", "comment", "banner", "related", "tinkhac", "tin-khac",
        "other-news", "lienquan", "lien-quan", "widget", "breadcrumb", "paging", "pagination", "share", "social",
        "topbar", "advert", "quangcao", "thongke", "visitor", "tags", "cotphai", "cottrai",
    ]

    /// Class and id fragments that suggest furniture unless the name also sounds like content.
    static let weakFurnitureNames = ["side", "other", "tool", "header", "right", "left-col", "box"]

    /// ×0.2 for a furniture class or id, ×1.5 for an article-like one, ×0.5 for a weakly
    /// furniture-like one, else 1; `label` is the class, a space and the id.
    static func of(label: [UInt8]) -> Double {
        var lowered = label
        return lowered.withUnsafeMutableBufferPointer { of(lowering: $0) }
    }

    /// `of(label:)` of a label in the caller's buffer, which is lower-cased in place.
    static func of(lowering label: UnsafeMutableBufferPointer<UInt8>) -> Double {
        guard label.count > 1 else { return 1 }
        for index in label.indices where label[index] >= 0x41 && label[index] <= 0x5A { label[index] += 0x20 }
        // One pass over the label, trying at each byte the names that start with it; the strongest
        // kind found decides, as asking furniture names first, then positive, then weak would.
        var found = Kind.none
        for start in label.indices {
            for name in namesByFirstByte[Int(label[start])]
            where name.kind > found && matches(UnsafeBufferPointer(label), at: start, name.bytes) {
                if name.kind == .furniture { return 0.2 }
                found = name.kind
            }
        }
        switch found {
        case .positive: return 1.5
        case .weakFurniture: return 0.5
        default: return 1
        }
    }

    /// What a name fragment says, weakest first.
    private enum Kind: Int, Comparable {
        case none, weakFurniture, positive, furniture

        static func < (left: Kind, right: Kind) -> Bool { left.rawValue < right.rawValue }
    }

    private struct Name {
        let bytes: [UInt8]
        let kind: Kind
    }

    /// The names of every kind, by their first byte.
    private static let namesByFirstByte: [[Name]] = {
        var table = [[Name]](repeating: [], count: 256)
        for (names, kind) in [
            (furnitureNames, Kind.furniture), (positiveNames, .positive), (weakFurnitureNames, .weakFurniture),
        ] {
            for name in names { table[Int(name.utf8.first!)].append(Name(bytes: Array(name.utf8), kind: kind)) }
        }
        return table
    }()

    /// Whether `pattern` (ASCII) occurs in `haystack` at `start`.
    private static func matches(_ haystack: UnsafeBufferPointer<UInt8>, at start: Int, _ pattern: [UInt8]) -> Bool {
        guard pattern.count <= haystack.count - start else { return false }
        return pattern.withUnsafeBufferPointer { pattern in
            var offset = 1
            while offset < pattern.count, haystack[start + offset] == pattern[offset] { offset += 1 }
            return offset == pattern.count
        }
    }
}
