/// How to find a month's report on a listing page.
public struct ListingRule: Sendable {
    /// The listing page's URL (placeholders allowed).
    public var url: String
    /// XPath selecting candidate links.
    public var links: String
    /// Words a matching link's title must contain besides the month (e.g. `tình hình kinh tế`).
    public var titleContains: [String]
    /// XPath of the "next page" link, for paginated listings.
    public var next: String?
    /// How many listing pages to follow at most.
    public var maxPages: Int

    public init(url: String, links: String, titleContains: [String] = [], next: String? = nil, maxPages: Int = 3) {
        self.url = url
        self.links = links
        self.titleContains = titleContains
        self.next = next
        self.maxPages = maxPages
    }
}
