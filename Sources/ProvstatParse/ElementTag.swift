internal import CLibXML2

/// What the parser needs to know about an element's name, looked up by a hash of the name's
/// bytes so that walking a large page builds no strings.
struct ElementTag: OptionSet, Sendable {
    let rawValue: Int

    /// Content that is never article text (`script`, `style`, form controls …).
    static let skipped = ElementTag(rawValue: 1 << 0)
    /// Ends the current paragraph.
    static let blockLevel = ElementTag(rawValue: 1 << 1)
    /// May hold an article (`div`, `td`, `article` …).
    static let container = ElementTag(rawValue: 1 << 2)
    /// A paragraph of its own (`p`, `li`, `h1` …).
    static let paragraph = ElementTag(rawValue: 1 << 3)
    /// Left out of a detected article when link-heavy or furniture-named.
    static let filterable = ElementTag(rawValue: 1 << 4)
    /// A hyperlink.
    static let link = ElementTag(rawValue: 1 << 5)
    /// A table.
    static let table = ElementTag(rawValue: 1 << 6)
    /// A table cell.
    static let cell = ElementTag(rawValue: 1 << 7)

    /// The tags by name hash in an open-addressed table (a power of two, at most a quarter full):
    /// a lookup is a few integer compares, cheaper than hashing the key again for a `Dictionary`.
    private static let lookup: [(key: UInt64, tag: ElementTag)] = {
        var slots = [(key: UInt64, tag: ElementTag)](repeating: (0, []), count: tableSize)
        for (key, tag) in names {
            var index = Int(truncatingIfNeeded: key >> 40) & (tableSize - 1)
            while slots[index].key != 0 { index = (index + 1) & (tableSize - 1) }
            slots[index] = (key, tag)
        }
        return slots
    }()

    private static let tableSize = 512

    /// The element names of each tag (internal for tests: the flat read's C list of kept attributes must agree).
    static let nameLists: [(names: [String], tag: ElementTag)] = [
        (
            [
                "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "button",
                "select", "input", "textarea", "head", "nav", "option", "map",
            ], .skipped
        ),
        (
            [
                "p", "div", "section", "article", "main", "header", "footer", "aside", "ul", "ol", "li", "dl", "dt",
                "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "br", "hr", "figure", "figcaption",
                "address", "center", "tr", "td", "th", "caption", "body", "html", "table", "tbody", "thead", "tfoot",
            ], .blockLevel
        ),
        (["div", "td", "article", "section", "main", "body", "blockquote", "center", "font"], .container),
        (["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "dd", "dt"], .paragraph),
        (
            ["div", "ul", "ol", "section", "aside", "table", "p", "span", "footer", "header", "dl", "center"],
            .filterable
        ),
        (["a"], .link),
        (["table"], .table),
        (["td", "th"], .cell),
    ]

    private static let names: [UInt64: ElementTag] = {
        var tags: [String: ElementTag] = [:]
        for (names, tag) in nameLists {
            for name in names { tags[name, default: []].insert(tag) }
        }
        return Dictionary(uniqueKeysWithValues: tags.map { (hash(Array($0.key.utf8)), $0.value) })
    }()

    /// The tag of an element node (empty for unknown names and non-elements).
    static func of(_ node: xmlNodePtr) -> ElementTag {
        guard node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name else { return [] }
        return of(name: name)
    }

    /// The tag of an element so named (NUL-terminated, lower-case; empty for unknown names).
    static func of(name: UnsafePointer<UInt8>) -> ElementTag {
        var pointer = name
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        var length = 0
        while pointer.pointee != 0, length < 16 {
            value = (value ^ UInt64(pointer.pointee)) &* 0x0000_0100_0000_01b3
            pointer += 1
            length += 1
        }
        return lookup.withUnsafeBufferPointer { slots in
            var index = Int(truncatingIfNeeded: value >> 40) & (tableSize - 1)
            while true {
                let slot = slots[index]
                if slot.key == value { return slot.tag }
                if slot.key == 0 { return [] }
                index = (index + 1) & (tableSize - 1)
            }
        }
    }

    private static func hash(_ bytes: [UInt8]) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return value
    }
}
