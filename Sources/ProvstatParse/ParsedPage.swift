import ProvstatCore

/// What the parser hands on: the page's title, the article's blocks, and its links.
public struct ParsedPage: Sendable {
    /// A hyperlink, resolved against nothing (as written in `href`).
    public struct Link: Hashable, Sendable {
        public var href: String
        public var text: String
        /// The `title` attribute, when the link has one (portals often cut the text short and
        /// keep the whole headline there).
        public var title: String?
        /// The headline of the listing item the link stands in, when the link's own words hold no
        /// number (*Xem chi tiết* under *Tình hình kinh tế - xã hội tháng 9/2024*).
        public var heading: String?

        public init(href: String, text: String, title: String? = nil, heading: String? = nil) {
            self.href = href
            self.text = text
            self.title = title
            self.heading = heading
        }
    }

    /// The `<title>`, if any.
    public var title: String?
    /// The content blocks of the article (or of the XPath selection).
    public var blocks: [TextBlock]
    /// Bytes the page's character set leaves undefined, read as U+FFFD.
    public var replacedBytes = 0

    public init(title: String?, blocks: [TextBlock]) {
        self.title = title
        self.blocks = blocks
    }
}
