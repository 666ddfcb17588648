/// What article detection and block collection read of a parsed page, so that the same code
/// walks libxml2's tree (pages read with an XPath) and the flat tree (pages read for detection).
///
/// Both trees have a document node above the root element; nodes are valid only while the
/// document that owns them is alive, on its thread.
protocol HTMLTree {
    /// A node. Detection breaks ties between equal scores by node order: in a flat tree the order
    /// the parser made the nodes in, in libxml2's tree their addresses.
    associatedtype Node: Hashable & Comparable

    /// The first child of `node`, if any.
    func firstChild(_ node: Node) -> Node?
    /// The next sibling of `node`, if any.
    func next(_ node: Node) -> Node?
    /// The parent of `node` (the document node for the root element; nil above it).
    func parent(_ node: Node) -> Node?
    /// Whether `node` is an element.
    func isElement(_ node: Node) -> Bool
    /// Whether `node` is a text or CDATA node.
    func isText(_ node: Node) -> Bool
    /// The NUL-terminated UTF-8 content of a text node, read in place.
    func content(_ node: Node) -> UnsafePointer<UInt8>?
    /// A text node's bytes above 0x20 and its commas, up to the first NUL (what detection measures).
    func textSize(_ node: Node) -> (visible: Int, commas: Int)
    /// What the parser needs to know about an element's name (empty for other nodes).
    func tag(_ node: Node) -> ElementTag
    /// Whether `node` is an element named `name` (lower-case).
    func isElement(_ node: Node, named name: StaticString) -> Bool
    /// Appends the value of the attribute `name` (`class` or `id`) to `bytes`.
    func appendAttribute(_ node: Node, _ name: StaticString, to bytes: inout [UInt8])
    /// The text of a cell's `rowspan` or `colspan` attribute, if it has one with a value.
    func spanText(_ node: Node, _ attribute: StaticString) -> String?
    /// A number detection keeps for each element (0 until set); one detector per document.
    func mark(_ node: Node) -> Int
    /// Sets `mark(node)`.
    func setMark(_ node: Node, _ value: Int)
}
