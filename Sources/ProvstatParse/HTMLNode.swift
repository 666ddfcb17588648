internal import CLibXML2
internal import CLibXML2Shim

/// A node inside an `HTMLDocument`; valid only while the document is alive.
public struct HTMLNode {
    let node: xmlNodePtr
    /// Keeps the document (and so the node's memory) alive.
    let document: HTMLDocument

    /// The element name, lower-case (`div`), or `#text` for text nodes.
    public var name: String {
        if node.pointee.type == XML_TEXT_NODE { return "#text" }
        guard let name = node.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    /// Whether this is an element (not text or a comment).
    public var isElement: Bool { node.pointee.type == XML_ELEMENT_NODE }

    /// Whether this is a text or CDATA node.
    public var isText: Bool { node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE }

    /// The text of this node and all its descendants, as libxml2 concatenates it.
    public var text: String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { provstat_xml_free(content) }
        return String(cString: content)
    }

    /// An attribute's value, or nil.
    public func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { provstat_xml_free(value) }
        return String(cString: value)
    }

    /// The child nodes, in document order.
    public var children: [HTMLNode] {
        var result: [HTMLNode] = []
        var child = node.pointee.children
        while let current = child {
            result.append(HTMLNode(node: current, document: document))
            child = current.pointee.next
        }
        return result
    }

    /// The parent element, if any.
    public var parent: HTMLNode? {
        guard let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return HTMLNode(node: parent, document: document)
    }
}

@available(*, unavailable, message: "points into an xmlDoc owned by one thread")
extension HTMLNode: Sendable {}
