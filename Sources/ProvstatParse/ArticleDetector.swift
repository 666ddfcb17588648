import Foundation

/// Finds the element holding a page's article body, leaving menus, counters and footers out.
///
/// Scores each candidate container by the text it holds outside links, penalising link-dense
/// and furniture-named elements (the idea of readability-style boilerplate detectors).
enum ArticleDetector {
    static func articleRoot(of document: HTMLDocument) -> HTMLNode? {
        guard let body = document.body else { return nil }
        var best: (node: HTMLNode, score: Double)? = nil
        score(body, best: &best)
        return best?.node ?? body
    }

    /// Returns (text length, link text length) of the subtree, recording the best container.
    @discardableResult
    private static func score(_ node: HTMLNode, best: inout (node: HTMLNode, score: Double)?) -> (Int, Int) {
        if node.isText { return (node.text.count, 0) }
        guard node.isElement, !BlockCollector.skipped.contains(node.name) else { return (0, 0) }
        var textLength = 0
        var linkLength = 0
        for child in node.children {
            let (text, link) = score(child, best: &best)
            textLength += text
            linkLength += link
        }
        if node.name == "a" { linkLength = textLength }
        if ["div", "article", "section", "main", "td"].contains(node.name) {
            let linkDensity = textLength == 0 ? 1 : Double(linkLength) / Double(textLength)
            var value = Double(textLength - linkLength) * (1 - linkDensity)
            let label = ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).lowercased()
            if ["menu", "nav", "footer", "sidebar", "counter", "comment", "banner"].contains(where: label.contains) {
                value *= 0.2
            }
            if ["content", "article", "detail", "body", "post", "entry"].contains(where: label.contains) {
                value *= 1.5
            }
            if best == nil || value > best!.score { best = (node, value) }
        }
        return (textLength, linkLength)
    }
}
