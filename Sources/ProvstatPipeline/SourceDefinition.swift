/// One source of a pipeline: where its monthly page is, and which part of it to read.
public struct SourceDefinition: Sendable {
    /// How the month's page is found.
    public enum Location: Sendable {
        /// A URL with `{year}`, `{month}`, `{month2}` placeholders.
        case template(String)
        /// A listing page whose links are searched for the month.
        case listing(ListingRule)
    }

    public var id: String
    public var location: Location
    /// XPath selecting the article body; detected when absent.
    public var xpath: String?
    /// Whether the source reports quarterly (then discovery looks for the quarter).
    public var quarterly: Bool

    public init(id: String, location: Location, xpath: String? = nil, quarterly: Bool = false) {
        self.id = id
        self.location = location
        self.xpath = xpath
        self.quarterly = quarterly
    }

    /// The URL the definition gives (the template or the listing's), which sets the source's
    /// scheme policy.
    public var definitionURL: String {
        switch location {
        case .template(let template): template
        case .listing(let rule): rule.url
        }
    }
}
