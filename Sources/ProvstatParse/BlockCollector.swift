internal import CLibXML2
import Foundation
import ProvstatCore
import ProvstatSupport

/// Turns a DOM subtree into text blocks: paragraphs split at block-level elements, data tables as
/// grids, layout tables read as flowing text.
struct BlockCollector {
    /// The cell text length above which a table is a page layout, not data.
    private static let layoutCellLength = 400

    /// Measurements of a detected article; nil when an XPath selected the content exactly.
    let detector: ArticleDetector?

    private(set) var blocks: [TextBlock] = []
    /// The paragraph being read, whitespace already collapsed.
    private var current = CollapsedText()

    /// Collects the blocks of `root` and everything below it.
    static func blocks(of root: xmlNodePtr, detector: ArticleDetector?) -> [TextBlock] {
        var collector = BlockCollector(detector: detector)
        collector.visit(root)
        collector.flush()
        return collector.blocks
    }

    private init(detector: ArticleDetector?) {
        self.detector = detector
    }

    private mutating func visit(_ root: xmlNodePtr) {
        if DOMWalker.isText(root) {
            if let content = root.pointee.content { current.append(cString: content) }
            return
        }
        // The tags of the elements entered, so that leaving one needs no second lookup.
        var open: [ElementTag] = []
        DOMWalker.walk(
            root,
            enter: { node in
                if DOMWalker.isText(node) {
                    if let content = node.pointee.content { self.current.append(cString: content) }
                    return .skip
                }
                guard node.pointee.type == XML_ELEMENT_NODE else { return .skip }
                let tag = ElementTag.of(node)
                if tag.contains(.skipped) || self.isFurniture(node, tag: tag) { return .skip }
                if tag.contains(.table), !Self.isLayoutTable(node) {
                    self.flush()
                    let grid = TableReader.grid(of: node)
                    if !grid.rows.isEmpty { self.blocks.append(.table(grid)) }
                    return .skip
                }
                if tag.contains(.blockLevel) { self.flush() }
                if node.pointee.children != nil { open.append(tag) }
                return .descend
            },
            exit: { node in
                // Elements without children are left at once, before anything is pushed for them.
                let tag = node.pointee.children == nil ? ElementTag.of(node) : open.removeLast()
                if tag.contains(.blockLevel) { self.flush() }
            })
    }

    /// Whether a subtree of a detected article is a link list or named like furniture.
    private func isFurniture(_ node: xmlNodePtr, tag: ElementTag) -> Bool {
        guard let detector, tag.contains(.filterable) else { return false }
        return detector.linkDensity(of: node) > 0.5 || ArticleDetector.isFurnitureNamed(node)
    }

    /// A table used for page layout: it nests another table or holds a cell of long prose.
    private static func isLayoutTable(_ table: xmlNodePtr) -> Bool {
        var layout = false
        var cellLength = 0
        DOMWalker.walk(
            table,
            enter: { node in
                if layout { return .skip }
                if DOMWalker.isText(node) {
                    cellLength += Int(xmlStrlen(node.pointee.content))
                    if cellLength > layoutCellLength { layout = true }
                    return .skip
                }
                let tag = ElementTag.of(node)
                if tag.contains(.table) { layout = true }
                if tag.contains(.cell) { cellLength = 0 }
                return .descend
            },
            exit: { _ in })
        return layout
    }

    private mutating func flush() {
        guard !current.isEmpty else { return }
        let text = current.string
        blocks.append(.paragraph(current.mayNeedNFC ? NFC.normalise(text) : text))
        current.removeAll()
    }
}
