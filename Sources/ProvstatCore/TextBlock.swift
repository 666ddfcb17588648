/// A block of an article's content, handed from the parser to the extractor.
public enum TextBlock: Hashable, Sendable {
    /// A paragraph, heading or list item: its text, whitespace collapsed, NFC.
    case paragraph(String)
    /// A table, laid out as a grid with spans expanded.
    case table(TableGrid)
}
