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
    private var current = ""

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
            current += DOMWalker.text(root)
            return
        }
        DOMWalker.walk(
            root,
            enter: { node in
                if DOMWalker.isText(node) {
                    self.current += DOMWalker.text(node)
                    return .skip
                }
                let tag = ElementTag.of(node)
                guard node.pointee.type == XML_ELEMENT_NODE else { return .skip }
                if tag.contains(.skipped) || self.isFurniture(node, tag: tag) { return .skip }
                if tag.contains(.table), !Self.isLayoutTable(node) {
                    self.flush()
                    let grid = TableReader.grid(of: node)
                    if !grid.rows.isEmpty { self.blocks.append(.table(grid)) }
                    return .skip
                }
                if tag.contains(.blockLevel) { self.flush() }
                return .descend
            },
            exit: { node in
                if ElementTag.of(node).contains(.blockLevel) { self.flush() }
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
        let text = current.collapsingWhitespace()
        if !text.isEmpty { blocks.append(.paragraph(NFC.normalise(text))) }
        current = ""
    }
}
