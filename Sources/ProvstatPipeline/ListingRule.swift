/// How to find a month's report on a listing page.
public struct ListingRule: Sendable {
    /// The listing page's URL (placeholders allowed).
    public var url: String
    /// XPath selecting candidate links.
    public var links: String
    /// Words a matching link's title must all contain besides the month (e.g. `tình hình`).
    public var titleContains: [String]
    /// Groups of alternatives: the title must contain at least one phrase of each group
    /// (`title_any: [kinh tế - xã hội, KT-XH]`, or a list inside `title_contains`).
    public var titleAlternatives: [[String]]
    /// XPath of the "next page" link, for paginated listings.
    public var next: String?
    /// How many listing pages to follow at most.
    public var maxPages: Int

    public init(
        url: String, links: String, titleContains: [String] = [], titleAlternatives: [[String]] = [],
        next: String? = nil, maxPages: Int = 3
    ) {
        self.url = url
        self.links = links
        self.titleContains = titleContains
        self.titleAlternatives = titleAlternatives
        self.next = next
        self.maxPages = maxPages
    }

    /// The title words as one rule.
    var words: TitleWords { TitleWords(all: titleContains, alternatives: titleAlternatives) }
}
