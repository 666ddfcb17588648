import Foundation
import ProvstatCore
import ProvstatSupport

/// Turns a fetched page's bytes into content blocks, with libxml2 for HTML.
public struct PageParser: Sendable {
    public init() {}

    /// Parses `data`. `contentType` (an HTTP header value) and the source's extension decide
    /// between HTML and plain text; `xpath` selects the content exactly, otherwise the article
    /// body is detected.
    public func parse(
        data: Data, source: String, contentType: String? = nil, xpath: String? = nil
    ) throws(ParseError) -> ParsedPage {
        guard data.count <= HTMLDocument.maximumBytes else {
            throw ParseError(
                source: source,
                message: "page of \(data.count) bytes is larger than the \(HTMLDocument.maximumBytes >> 20) MiB limit")
        }
        let charset = TextDecoding.charset(fromContentType: contentType)
        if Self.isPlainText(source: source, contentType: contentType) {
            let bytes = PageBytes(data, declared: charset ?? "UTF-8")
            let text = String(decoding: bytes.data, as: UTF8.self)
            var page = ParsedPage(title: nil, blocks: Self.paragraphs(ofPlainText: text))
            page.replacedBytes = bytes.replaced
            return page
        }
        let bytes = PageBytes(data, declared: charset)
        let title: String?
        let blocks: [TextBlock]
        if let xpath {
            let document = try HTMLDocument(
                data: bytes.data, source: source, encoding: bytes.encoding,
                ignoreDeclaredEncoding: bytes.ignoreDeclaredEncoding)
            title = document.title.map(NFC.normalise)
            let roots = try document.nodes(matching: xpath)
            if roots.isEmpty {
                throw ParseError(source: source, message: "the XPath \(xpath) selects nothing")
            }
            blocks = roots.flatMap { BlockCollector.blocks(of: $0.node, in: LibXMLTree(), detector: nil) }
        } else {
            // Detection reads a flat tree: libxml2's parser without its tree, which costs half the read.
            let document = try FlatDocument(
                data: bytes.data, source: source, encoding: bytes.encoding,
                ignoreDeclaredEncoding: bytes.ignoreDeclaredEncoding)
            (title, blocks) = withExtendedLifetime(document) {
                Self.detectedArticle(in: document.tree, body: document.body, title: document.title)
            }
        }
        var page = ParsedPage(title: title, blocks: blocks)
        page.replacedBytes = bytes.replaced
        return page
    }

    /// The page's title in NFC and the blocks of the article detected under `body`, the headline
    /// (a block repeating the title) left out.
    static func detectedArticle<Tree: HTMLTree>(
        in tree: Tree, body: Tree.Node?, title: String?
    ) -> (title: String?, blocks: [TextBlock]) {
        let title = title.map(NFC.normalise)
        guard let body else { return (title, []) }
        let detector = ArticleDetector(tree: tree, body: body)
        let blocks = BlockCollector.blocks(of: detector.articleRoot() ?? body, in: tree, detector: detector)
        return (title, blocks.filter { !isHeadline($0, title: title) })
    }

    /// The hyperlinks an XPath selects (`//a` by default), for discovery on listing pages.
    public func links(
        data: Data, source: String, contentType: String? = nil, xpath: String = "//a[@href]"
    ) throws(ParseError) -> [ParsedPage.Link] {
        let bytes = PageBytes(data, declared: TextDecoding.charset(fromContentType: contentType))
        let document = try HTMLDocument(
            data: bytes.data, source: source, encoding: bytes.encoding,
            ignoreDeclaredEncoding: bytes.ignoreDeclaredEncoding)
        return try document.nodes(matching: xpath).compactMap { node in
            guard let href = node.attribute("href") ?? node.attribute("src") else { return nil }
            let text = NFC.normalise(node.text.collapsingWhitespace())
            let title = node.attribute("title").map { NFC.normalise($0.collapsingWhitespace()) }
            let numbered = (text + (title ?? "")).utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
            return ParsedPage.Link(
                href: href, text: text.isEmpty ? (title ?? "") : text, title: title?.isEmpty == false ? title : nil,
                heading: numbered ? nil : ListingItem.heading(around: node))
        }
    }

    /// Whether a detected block only repeats the page's `<title>` (the headline, not article text).
    static func isHeadline(_ block: TextBlock, title: String?) -> Bool {
        guard case .paragraph(let text) = block, let title, text.utf8.count <= title.utf8.count,
            text.unicodeScalars.count >= 20
        else { return false }
        // Both are NFC, so a byte search finds what a character search would.
        let haystack = Array(title.utf8)
        let needle = Array(text.utf8)
        for start in 0...(haystack.count - needle.count)
        where haystack[start] == needle[0] && haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }

    static func isPlainText(source: String, contentType: String?) -> Bool {
        if let contentType {
            let mime = contentType.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
            if mime == "text/plain" { return true }
            if mime == "text/html" || mime == "application/xhtml+xml" { return false }
        }
        if let plain = hasPlainTextSuffix(source) { return plain }
        let path = source.split(separator: "?").first.map(String.init) ?? source
        return path.lowercased().hasSuffix(".txt")
    }

    /// Whether `source` ends in `.txt` in any case, read from its last bytes (every page asks): nil
    /// unless they settle it as the slow reading would (no query, and ASCII up to a byte before the dot).
    static func hasPlainTextSuffix(_ source: String) -> Bool? {
        // In the string's own storage (a String.UTF8View is walked index by index).
        let answer = source.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.count >= 4, !bytes.contains(UInt8(ascii: "?")) else { return nil }
            let tail = bytes.suffix(5)
            guard tail.allSatisfy({ $0 < 0x80 }) else { return nil }
            return tail.suffix(4).elementsEqual(".txt".utf8) { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }
        }
        return answer ?? nil
    }

    /// Paragraphs of plain text: blank lines and single line breaks both end a paragraph.
    static func paragraphs(ofPlainText text: String) -> [TextBlock] {
        NFC.normalise(text)
            .split(whereSeparator: \.isNewline)
            .map { String($0).collapsingWhitespace() }
            .filter { !$0.isEmpty }
            .map { TextBlock.paragraph($0) }
    }
}
