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

    /// An element being walked: its sizes so far and where its own text goes.
    private struct Frame {
        let node: xmlNodePtr
        let tag: ElementTag
        /// The stack index of the nearest paragraph or container, itself included (-1: none).
        let block: Int
        var density = Density()
        var own = Density()
        var slot = -1
    }

    /// Measures `body` and every element under it in one walk: text is counted at its element,
    /// and an element's sizes are added to its parent's when the walk leaves it. Uses the
    /// elements' `_private` field: one detector per document, which must not be shared.
    init(body: xmlNodePtr) {
        body.pointee._private = nil
        let bodyTag = ElementTag.of(body)
        var stack = [
            Frame(node: body, tag: bodyTag, block: bodyTag.isDisjoint(with: [.container, .paragraph]) ? -1 : 0)
        ]
        stack.reserveCapacity(64)
        // A page's elements that hold text are a few hundred: room for them saves regrowing.
        elements.reserveCapacity(512)
        densities.reserveCapacity(512)
        ownText.reserveCapacity(512)
        var openLinks = 0
        DOMWalker.walk(
            body,
            enter: { node in
                if DOMWalker.isText(node) {
                    self.measure(text: node, inLink: openLinks > 0, stack: &stack)
                    return .skip
                }
                guard node.pointee.type == XML_ELEMENT_NODE else { return .skip }
                let tag = ElementTag.of(node)
                guard !tag.contains(.skipped) else { return .skip }
                node.pointee._private = nil
                if tag.contains(.link) { openLinks += 1 }
                let isBlock = !tag.isDisjoint(with: [.container, .paragraph])
                stack.append(Frame(node: node, tag: tag, block: isBlock ? stack.count : stack[stack.count - 1].block))
                return .descend
            },
            exit: { _ in
                let frame = stack.removeLast()
                if frame.tag.contains(.link) { openLinks -= 1 }
                self.close(frame, into: &stack[stack.count - 1])
            })
        let top = stack.removeLast()
        if top.slot >= 0 {
            densities[top.slot] = top.density
            ownText[top.slot] = top.own
        }
    }

    /// Stores a finished element's sizes and adds them to its parent's.
    private mutating func close(_ frame: Frame, into parent: inout Frame) {
        if frame.slot >= 0 {
            densities[frame.slot] = frame.density
            ownText[frame.slot] = frame.own
        }
        parent.density.text += frame.density.text
        parent.density.link += frame.density.link
        parent.density.commas += frame.density.commas
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

    /// A new slot for the element.
    private mutating func makeSlot(for node: xmlNodePtr) -> Int {
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

    /// Counts a text node for its element (the elements above get it when the walk leaves) and
    /// for its nearest paragraph or container.
    private mutating func measure(text node: xmlNodePtr, inLink: Bool, stack: inout [Frame]) {
        guard let content = node.pointee.content else { return }
        // The length first (the C library's strlen is vectorised), then a loop without an early
        // exit, which the compiler vectorises too: most of a page's bytes pass through here.
        let count = strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
        var length = 0
        var commas = 0
        for byte in UnsafeBufferPointer(start: content, count: count) {
            length &+= byte > 0x20 ? 1 : 0
            commas &+= byte == UInt8(ascii: ",") ? 1 : 0
        }
        guard length > 0 else { return }
        // Slots go to the open elements that have none yet, innermost first: the order in which
        // they first hold text, which is the order their scores are summed in.
        var level = stack.count - 1
        while level >= 0, stack[level].slot < 0 {
            stack[level].slot = makeSlot(for: stack[level].node)
            level -= 1
        }
        let top = stack.count - 1
        stack[top].density.text += length
        stack[top].density.commas += commas
        if inLink { stack[top].density.link += length }
        let block = stack[top].block
        if block >= 0 {
            stack[block].own.text += length
            stack[block].own.commas += commas
            if inLink { stack[block].own.link += length }
        }
    }

    /// ×0.2 for a furniture class or id, ×1.5 for an article-like one, ×0.5 for a weakly
    /// furniture-like one, else 1.
    private static func nameWeight(_ node: xmlNodePtr) -> Double {
        var label: [UInt8] = []
        DOMWalker.appendAttribute(node, "class", to: &label)
        label.append(0x20)
        DOMWalker.appendAttribute(node, "id", to: &label)
        guard label.count > 1 else { return 1 }
        for index in label.indices where label[index] >= 0x41 && label[index] <= 0x5A { label[index] += 0x20 }
        if furnitureBytes.contains(where: { contains(label, $0) }) { return 0.2 }
        if positiveBytes.contains(where: { contains(label, $0) }) { return 1.5 }
        if weakFurnitureBytes.contains(where: { contains(label, $0) }) { return 0.5 }
        return 1
    }

    private static let furnitureBytes = furnitureNames.map { Array($0.utf8) }
    private static let positiveBytes = positiveNames.map { Array($0.utf8) }
    private static let weakFurnitureBytes = weakFurnitureNames.map { Array($0.utf8) }

    /// Whether `haystack` contains the ASCII `pattern` (a plain byte search: names are short).
    private static func contains(_ haystack: [UInt8], _ pattern: [UInt8]) -> Bool {
        guard pattern.count <= haystack.count else { return false }
        for start in 0...(haystack.count - pattern.count)
        where haystack[start] == pattern[0] && haystack[start..<(start + pattern.count)].elementsEqual(pattern) {
            return true
        }
        return false
    }
}
