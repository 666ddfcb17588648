import ProvstatSupport

/// The item of a listing page a link stands in: portals often link a headline's item with
/// words that say nothing (*Xem chi tiết*, *Đọc tiếp*, an image), the headline beside them.
enum ListingItem {
    /// The one headline (`h1`–`h6`, or an element whose class says *title*) of the nearest
    /// enclosing element, up to three levels above `link`, that holds one; nil when none does or
    /// the element holds several (it is the whole list, not one item).
    static func heading(around link: HTMLNode) -> String? {
        var current = link
        for _ in 0..<3 {
            guard let parent = current.parent else { return nil }
            var found: [HTMLNode] = []
            collectHeadings(in: parent, into: &found, limit: 2)
            if found.count > 1 { return nil }
            if let heading = found.first {
                let text = NFC.normalise(heading.text.collapsingWhitespace())
                return text.isEmpty ? nil : text
            }
            current = parent
        }
        return nil
    }

    /// Appends the headline elements under `node` to `found`, stopping once it holds `limit`.
    private static func collectHeadings(in node: HTMLNode, into found: inout [HTMLNode], limit: Int) {
        for child in node.children where child.isElement {
            if found.count >= limit { return }
            if isHeading(child) {
                found.append(child)
            } else {
                collectHeadings(in: child, into: &found, limit: limit)
            }
        }
    }

    private static func isHeading(_ node: HTMLNode) -> Bool {
        if headingTags.contains(node.name) { return true }
        guard let classes = node.attribute("class")?.lowercased() else { return false }
        return titleClasses.contains { classes.contains($0) }
    }

    private static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    /// Class names portals give an item's headline (*title*, *tieu-de*, *tieude*).
    private static let titleClasses = ["title", "tieu-de", "tieude", "headline"]
}
