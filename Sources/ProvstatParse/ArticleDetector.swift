internal import CLibXML2
internal import CLibXML2Shim
import Foundation

/// Finds the element holding a page's article body, leaving menus, counters and footers out.
///
/// Readability-style: every paragraph of real text (long, with commas, few links) scores for the
/// element that contains it and, by half, for that element's parent; the best-scoring container,
/// discounted by its link density and by furniture-like class names, is the article.
struct ArticleDetector {
    /// Text and link-text sizes of one element's subtree (in UTF-8 bytes, whitespace left out).
    struct Density {
        var text = 0
        var link = 0
        var commas = 0

        /// The share of the text that sits inside links.
        var linkDensity: Double { text == 0 ? 0 : Double(link) / Double(text) }
    }

    /// Class and id fragments of article bodies.
    private static let positiveNames = [
        "content", "article", "detail", "body", "post", "entry", "main", "noidung", "chitiet", "baiviet", "story",
        "text", "richhtml", "news-content", "fulltext",
    ]

    /// Class and id fragments that always mean page furniture.
    private static let furnitureNames = [
        "menu", "nav", "footer", "sidebar", "counter", "comment", "banner", "related", "tinkhac", "tin-khac",
        "other-news", "lienquan", "lien-quan", "widget", "breadcrumb", "paging", "pagination", "share", "social",
        "topbar", "advert", "quangcao", "thongke", "visitor", "tags", "cotphai", "cottrai",
    ]

    /// Class and id fragments that suggest furniture unless the name also sounds like content.
    private static let weakFurnitureNames = ["side", "other", "tool", "header", "right", "left-col", "box"]

    /// Sizes of the elements that hold text; an element's slot is stored in its `_private` field.
    private var densities: [Density] = []
    /// The elements of `densities`, slot by slot.
    private var elements: [xmlNodePtr] = []
    /// Text sitting directly in each slot's element (not in a nested paragraph or container).
    private var ownText: [Density] = []

    /// Measures every element under `body`. Uses the elements' `_private` field: one detector
    /// per document, which must not be shared.
    init(body: xmlNodePtr) {
        var openLinks = 0
        DOMWalker.walk(
            body,
            enter: { node in
                if DOMWalker.isText(node) {
                    self.measure(text: node, inLink: openLinks > 0)
                    return .skip
                }
                let tag = ElementTag.of(node)
                guard node.pointee.type == XML_ELEMENT_NODE, !tag.contains(.skipped) else { return .skip }
                node.pointee._private = nil
                if tag.contains(.link) { openLinks += 1 }
                return .descend
            },
            exit: { node in
                if ElementTag.of(node).contains(.link) { openLinks -= 1 }
            })
    }

    /// The element most likely to hold the article, or nil when no paragraph has real text.
    func articleRoot() -> xmlNodePtr? {
        var scores: [xmlNodePtr: Double] = [:]
        for (slot, own) in ownText.enumerated() where own.text >= 25 {
            let block = elements[slot]
            let score = (1 + Double(own.commas) + min(Double(own.text) / 100, 3)) * (1 - densities[slot].linkDensity)
            var target: xmlNodePtr? = ElementTag.of(block).contains(.container) ? block : block.pointee.parent
            // A paragraph counts fully for its container and half for the one above.
            for weight in [1.0, 0.5] {
                guard let current = target, current.pointee.type == XML_ELEMENT_NODE else { break }
                if ElementTag.of(current).contains(.container) { scores[current, default: 0] += score * weight }
                target = current.pointee.parent
            }
        }
        // Names are read only for candidates that a ×1.5 bonus could still lift to the top.
        let ranked = scores.map { (node: $0.key, score: $0.value * (1 - linkDensity(of: $0.key))) }
            .sorted { $0.score > $1.score || ($0.score == $1.score && $0.node < $1.node) }
        var best: (node: xmlNodePtr, score: Double)? = nil
        for candidate in ranked {
            if let best, candidate.score * 1.5 < best.score { break }
            let value = candidate.score * Self.nameWeight(candidate.node)
            if best == nil || value > best!.score { best = (candidate.node, value) }
        }
        return best?.node
    }

    /// The link density of an element (0 when unknown).
    func linkDensity(of node: xmlNodePtr) -> Double {
        slot(of: node).map { densities[$0].linkDensity } ?? 0
    }

    /// The element's slot, if it holds text.
    private func slot(of node: xmlNodePtr) -> Int? {
        guard let value = node.pointee._private else { return nil }
        let slot = Int(bitPattern: value) - 1
        return slot >= 0 && slot < elements.count && elements[slot] == node ? slot : nil
    }

    /// The element's slot, assigned on first use.
    private mutating func makeSlot(for node: xmlNodePtr) -> Int {
        if let slot = slot(of: node) { return slot }
        elements.append(node)
        densities.append(Density())
        ownText.append(Density())
        node.pointee._private = UnsafeMutableRawPointer(bitPattern: elements.count)
        return elements.count - 1
    }

    /// Whether the element's class or id names it as page furniture.
    static func isFurnitureNamed(_ node: xmlNodePtr) -> Bool {
        nameWeight(node) < 0.5
    }

    // MARK: - Measuring

    private mutating func measure(text node: xmlNodePtr, inLink: Bool) {
        guard let content = node.pointee.content else { return }
        var length = 0
        var commas = 0
        var pointer = content
        while pointer.pointee != 0 {
            let byte = pointer.pointee
            if byte > 0x20 { length += 1 }
            if byte == UInt8(ascii: ",") { commas += 1 }
            pointer += 1
        }
        guard length > 0 else { return }
        var ancestor = node.pointee.parent
        var depth = 0
        var nearestBlock: Int? = nil
        while let current = ancestor, current.pointee.type == XML_ELEMENT_NODE, depth < 64 {
            let slot = makeSlot(for: current)
            densities[slot].text += length
            densities[slot].commas += commas
            if inLink { densities[slot].link += length }
            if nearestBlock == nil, !ElementTag.of(current).isDisjoint(with: [.container, .paragraph]) {
                nearestBlock = slot
            }
            ancestor = current.pointee.parent
            depth += 1
        }
        if let nearestBlock {
            ownText[nearestBlock].text += length
            ownText[nearestBlock].commas += commas
            if inLink { ownText[nearestBlock].link += length }
        }
    }

    /// ×0.2 for a furniture class or id, ×1.5 for an article-like one, ×0.5 for a weakly
    /// furniture-like one, else 1.
    private static func nameWeight(_ node: xmlNodePtr) -> Double {
        let label = attributeBytes(node, "class") + [0x20] + attributeBytes(node, "id")
        guard label.count > 1 else { return 1 }
        if furnitureNames.contains(where: { contains(label, $0) }) { return 0.2 }
        if positiveNames.contains(where: { contains(label, $0) }) { return 1.5 }
        if weakFurnitureNames.contains(where: { contains(label, $0) }) { return 0.5 }
        return 1
    }

    /// An attribute's bytes, ASCII lower-cased.
    private static func attributeBytes(_ node: xmlNodePtr, _ name: String) -> [UInt8] {
        guard let value = xmlGetProp(node, name) else { return [] }
        defer { provstat_xml_free(value) }
        var bytes: [UInt8] = []
        var pointer = value
        while pointer.pointee != 0 {
            let byte = pointer.pointee
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            pointer += 1
        }
        return bytes
    }

    /// Whether `haystack` contains the ASCII `needle` (a plain byte search: names are short).
    private static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard pattern.count <= haystack.count else { return false }
        for start in 0...(haystack.count - pattern.count)
        where haystack[start] == pattern[0] && haystack[start..<(start + pattern.count)].elementsEqual(pattern) {
            return true
        }
        return false
    }
}
