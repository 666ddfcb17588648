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
        guard label.count > 1 else { return 1 }
        var lowered = label
        for index in lowered.indices where lowered[index] >= 0x41 && lowered[index] <= 0x5A { lowered[index] += 0x20 }
        return lowered.withUnsafeBufferPointer { label in
            if furnitureBytes.contains(where: { contains(label, $0) }) { return 0.2 }
            if positiveBytes.contains(where: { contains(label, $0) }) { return 1.5 }
            if weakFurnitureBytes.contains(where: { contains(label, $0) }) { return 0.5 }
            return 1
        }
    }

    private static let furnitureBytes = furnitureNames.map { Array($0.utf8) }
    private static let positiveBytes = positiveNames.map { Array($0.utf8) }
    private static let weakFurnitureBytes = weakFurnitureNames.map { Array($0.utf8) }

    /// Whether `haystack` contains the ASCII `pattern` (a plain byte search: names are short).
    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ pattern: [UInt8]) -> Bool {
        guard pattern.count <= haystack.count else { return false }
        return pattern.withUnsafeBufferPointer { pattern in
            let first = pattern[0]
            for start in 0...(haystack.count - pattern.count) where haystack[start] == first {
                var offset = 1
                while offset < pattern.count, haystack[start + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return true }
            }
            return false
        }
    }
}
