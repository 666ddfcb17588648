import Foundation
import ProvstatCore
import ProvstatSupport

/// Turns a DOM subtree into text blocks: paragraphs split at block-level elements, data tables as
/// grids, layout tables read as flowing text.
struct BlockCollector<Tree: HTMLTree> {
    typealias Node = Tree.Node

    let tree: Tree
    /// The cell text length above which a table is a page layout, not data.
    private static var layoutCellLength: Int { 400 }

    /// Measurements of a detected article; nil when an XPath selected the content exactly.
    let detector: ArticleDetector<Tree>?

    private(set) var blocks: [TextBlock] = []
    /// The paragraph being read, whitespace already collapsed.
    private var current = CollapsedText()

    /// Collects the blocks of `root` and everything below it.
    static func blocks(of root: Node, in tree: Tree, detector: ArticleDetector<Tree>?) -> [TextBlock] {
        var collector = BlockCollector(tree: tree, detector: detector)
        collector.visit(root)
        collector.flush()
        return collector.blocks
    }

    private init(tree: Tree, detector: ArticleDetector<Tree>?) {
        self.tree = tree
        self.detector = detector
    }

    private mutating func visit(_ root: Node) {
        if tree.isText(root) {
            if let content = tree.content(root) { current.append(cString: content) }
            return
        }
        // The tags of the elements entered, so that leaving one needs no second lookup.
        var open: [ElementTag] = []
        let tree = self.tree
        DOMWalker.walk(
            tree, root,
            enter: { node in
                if tree.isText(node) {
                    if let content = tree.content(node) { self.current.append(cString: content) }
                    return .skip
                }
                guard tree.isElement(node) else { return .skip }
                let tag = tree.tag(node)
                if tag.contains(.skipped) || self.isFurniture(node, tag: tag) { return .skip }
                if tag.contains(.table), !Self.isLayoutTable(node, in: tree) {
                    self.flush()
                    let grid = TableReader.grid(of: node, in: tree)
                    if !grid.rows.isEmpty { self.blocks.append(.table(grid)) }
                    return .skip
                }
                if tag.contains(.blockLevel) { self.flush() }
                if tree.firstChild(node) != nil { open.append(tag) }
                return .descend
            },
            exit: { node in
                // Elements without children are left at once, before anything is pushed for them.
                let tag = tree.firstChild(node) == nil ? tree.tag(node) : open.removeLast()
                if tag.contains(.blockLevel) { self.flush() }
            })
    }

    /// Whether a subtree of a detected article is a link list or named like furniture.
    private func isFurniture(_ node: Node, tag: ElementTag) -> Bool {
        guard let detector, tag.contains(.filterable) else { return false }
        return detector.linkDensity(of: node) > 0.5 || detector.isFurnitureNamed(node)
    }

    /// A table used for page layout: it nests another table or holds a cell of long prose.
    private static func isLayoutTable(_ table: Node, in tree: Tree) -> Bool {
        var layout = false
        var cellLength = 0
        DOMWalker.walk(
            tree, table,
            enter: { node in
                if layout { return .skip }
                if tree.isText(node) {
                    cellLength += tree.content(node).map { strlen($0) } ?? 0
                    if cellLength > layoutCellLength { layout = true }
                    return .skip
                }
                let tag = tree.tag(node)
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
