import CLibXML2
import Foundation
import ProvstatCore

/// Turns a DOM subtree into text blocks: paragraphs split at block-level elements, tables as grids.
struct BlockCollector {
    /// Elements whose content is never article text.
    static let skipped: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
        "form", "button", "select", "input", "textarea", "head", "nav",
    ]

    /// Elements that end the current paragraph.
    static let blockLevel: Set<String> = [
        "p", "div", "section", "article", "main", "header", "footer", "aside", "ul", "ol", "li", "dl", "dt",
        "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "br", "hr", "figure", "figcaption",
        "address", "center", "tr", "td", "th", "caption", "body", "html",
    ]

    private(set) var blocks: [TextBlock] = []
    private var current = ""

    /// Collects the blocks of `node` and everything below it.
    static func blocks(of node: HTMLNode) -> [TextBlock] {
        var collector = BlockCollector()
        collector.visit(node)
        collector.flush()
        return collector.blocks
    }

    private mutating func visit(_ node: HTMLNode) {
        if node.isText {
            current += node.text
            return
        }
        guard node.isElement else { return }
        let name = node.name
        if Self.skipped.contains(name) { return }
        if name == "table" {
            flush()
            let grid = TableReader.grid(of: node)
            if !grid.rows.isEmpty { blocks.append(.table(grid)) }
            return
        }
        let isBlock = Self.blockLevel.contains(name)
        if isBlock { flush() }
        for child in node.children { visit(child) }
        if isBlock { flush() }
    }

    private mutating func flush() {
        let text = current.collapsingWhitespace().precomposedStringWithCanonicalMapping
        if !text.isEmpty { blocks.append(.paragraph(text)) }
        current = ""
    }
}
