internal import CLibXML2
internal import CLibXML2Shim
import Foundation

/// A parsed HTML document: owns libxml2's `xmlDoc` and frees it in `deinit`.
///
/// Not thread-safe: a document lives and dies inside one worker. Everything read out of it
/// is copied into Swift values.
public final class HTMLDocument {
    let doc: xmlDocPtr
    /// Where the bytes came from, for error messages.
    public let source: String

    /// The largest page parsed. Parsing and extraction peak at about 18× the page size in memory
    /// (libxml2's tree, text copies, facts), so this bounds a worker at roughly 600 MB.
    public static let maximumBytes = 32 << 20

    /// Parses HTML bytes; `encoding` is an IANA charset name, or nil to let libxml2 detect it
    /// from a BOM or `<meta charset>`.
    /// `ignoreDeclaredEncoding`: the bytes are already in `encoding` (converted by `PageBytes`),
    /// so a `<meta charset>` in them must not switch the decoder.
    public init(
        data: Data, source: String, encoding: String? = nil, ignoreDeclaredEncoding: Bool = false
    ) throws(ParseError) {
        try Self.prepareRead(of: data, source: source)
        let options = Self.options(ignoreDeclaredEncoding: ignoreDeclaredEncoding)
        let parsed: xmlDocPtr? = data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return htmlReadMemory(base, Int32(buffer.count), source, encoding, options)
        }
        guard let parsed else {
            throw ParseError(source: source, message: "libxml2 could not parse the page as HTML")
        }
        self.doc = parsed
        self.source = source
    }

    /// Readies libxml2 for a read of `data` (either tree), refusing a page over the size limit.
    static func prepareRead(of data: Data, source: String) throws(ParseError) {
        LibXML2.initialise()
        provstat_xml_silence_errors()
        guard data.count <= maximumBytes else {
            throw ParseError(
                source: source,
                message:
                    "page of \(data.count) bytes is larger than the \(maximumBytes >> 20) MiB limit; is it a report page?"
            )
        }
    }

    /// The parser options of every read: recover from errors, report none, no network.
    static func options(ignoreDeclaredEncoding: Bool) -> Int32 {
        Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue
                | (ignoreDeclaredEncoding ? HTML_PARSE_IGNORE_ENC.rawValue : 0))
    }

    deinit {
        xmlFreeDoc(doc)
    }

    /// The root element, if any.
    var root: xmlNodePtr? { xmlDocGetRootElement(doc) }

    /// The nodes an XPath 1.0 expression selects; throws when the expression is invalid.
    public func nodes(matching expression: String) throws(ParseError) -> [HTMLNode] {
        guard let context = xmlXPathNewContext(doc) else {
            throw ParseError(source: source, message: "out of memory creating an XPath context")
        }
        defer { xmlXPathFreeContext(context) }
        guard let result = xmlXPathEvalExpression(expression, context) else {
            throw ParseError(source: source, message: "invalid XPath expression: \(expression)")
        }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval else { return [] }
        return (0..<Int(set.pointee.nodeNr)).compactMap { index in
            set.pointee.nodeTab[index].map { HTMLNode(node: $0, document: self) }
        }
    }

    /// The `<title>` text, whitespace collapsed.
    public var title: String? {
        let head = root.flatMap { child(of: $0, named: "head") }
        guard
            let node = head.flatMap({ child(of: $0, named: "title") }) ?? (try? nodes(matching: "//title").first)?.node
        else { return nil }
        let text = HTMLNode(node: node, document: self).text.collapsingWhitespace()
        return text.isEmpty ? nil : text
    }

    /// The body element (or the root when there is none).
    public var body: HTMLNode? {
        // libxml2 puts `<body>` right under `<html>`; the XPath search is the fallback.
        if let node = root.flatMap({ child(of: $0, named: "body") }) ?? (try? nodes(matching: "//body").first)?.node {
            return HTMLNode(node: node, document: self)
        }
        return root.map { HTMLNode(node: $0, document: self) }
    }

    /// The first element child of `node` with the given (lower-case) name.
    private func child(of node: xmlNodePtr, named name: String) -> xmlNodePtr? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, DOMWalker.name(current) == name { return current }
            child = current.pointee.next
        }
        return nil
    }
}

@available(*, unavailable, message: "owns an xmlDoc: use it from the thread that parsed it")
extension HTMLDocument: Sendable {}
