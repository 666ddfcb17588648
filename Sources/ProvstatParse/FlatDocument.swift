internal import CLibXML2
internal import CLibXML2Shim
import Foundation

/// A page read by libxml2's HTML parser into a flat tree (`FlatTree`) instead of its own: the
/// same nodes for article detection, with only the attributes it reads, at a fraction of the cost.
/// Owns the tree's buffers and frees them in `deinit`; not thread-safe, like `HTMLDocument`.
final class FlatDocument {
    private let pointer: UnsafeMutablePointer<provstat_flat_tree>
    private let tags: UnsafeMutablePointer<ElementTag>
    /// The nodes; valid while the document is alive.
    let tree: FlatTree

    /// Parses HTML bytes as `HTMLDocument` does (the same options, encoding and limits).
    init(data: Data, source: String, encoding: String?, ignoreDeclaredEncoding: Bool) throws(ParseError) {
        try HTMLDocument.prepareRead(of: data, source: source)
        let options = HTMLDocument.options(ignoreDeclaredEncoding: ignoreDeclaredEncoding)
        let parsed: UnsafeMutablePointer<provstat_flat_tree>? = data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return provstat_html_read_flat(base, Int32(buffer.count), source, encoding, options)
        }
        guard let parsed else {
            throw ParseError(source: source, message: "libxml2 could not parse the page as HTML")
        }
        pointer = parsed
        // Each distinct name's tag, once: elements then cost an array read.
        let count = Int(parsed.pointee.name_count)
        tags = .allocate(capacity: max(count, 1))
        for index in 0..<count {
            let name = UnsafeRawPointer(parsed.pointee.name_bytes + Int(parsed.pointee.name_offsets[index]))
            tags[index] = ElementTag.of(name: name.assumingMemoryBound(to: UInt8.self))
        }
        tree = FlatTree(
            nodes: parsed.pointee.nodes, attributes: parsed.pointee.attributes.map { UnsafePointer($0) },
            text: UnsafePointer(parsed.pointee.text), tags: UnsafePointer(tags),
            names: UnsafePointer(parsed.pointee.name_bytes), nameOffsets: UnsafePointer(parsed.pointee.name_offsets))
    }

    deinit {
        tags.deallocate()
        provstat_flat_tree_free(pointer)
    }

    /// How many nodes the tree holds, the document included.
    var nodeCount: Int32 { pointer.pointee.count }

    /// The root element: the document's first element child.
    var root: Int32? { child(of: FlatTree.document, named: nil) }

    /// The `<title>` text, whitespace collapsed, as `HTMLDocument.title` reads it.
    var title: String? {
        let head = root.flatMap { child(of: $0, named: "head") }
        guard let node = head.flatMap({ child(of: $0, named: "title") }) ?? first(named: "title") else { return nil }
        // xmlNodeGetContent: the texts below the element, in order, collapsed as they are read
        // (the same as collapsing them joined).
        var collapsed = CollapsedText()
        forEachDescendant(of: node) { descendant in
            if tree.isText(descendant), let content = tree.content(descendant) { collapsed.append(cString: content) }
        }
        let text = collapsed.string
        return text.isEmpty ? nil : text
    }

    /// The body element (or the root when there is none), as `HTMLDocument.body` finds it.
    var body: Int32? {
        root.flatMap { child(of: $0, named: "body") } ?? first(named: "body") ?? root
    }

    /// The first element child of `node` with the given (lower-case) name, or of any name.
    private func child(of node: Int32, named name: StaticString?) -> Int32? {
        var child = tree.firstChild(node)
        while let current = child {
            if let name, tree.isElement(current, named: name) { return current }
            if name == nil, tree.isElement(current) { return current }
            child = tree.next(current)
        }
        return nil
    }

    /// The first element so named in document order (`//name`).
    private func first(named name: StaticString) -> Int32? {
        var found: Int32?
        forEachDescendant(of: FlatTree.document) { node in
            if found == nil, tree.isElement(node, named: name) { found = node }
        }
        return found
    }

    /// Calls `body` for every node below `root`, in document order.
    private func forEachDescendant(of root: Int32, _ body: (Int32) -> Void) {
        DOMWalker.walk(
            tree, root,
            enter: { node in
                body(node)
                return .descend
            }, exit: { _ in })
    }
}

@available(*, unavailable, message: "owns a page's tree: use it from the thread that parsed it")
extension FlatDocument: Sendable {}
