internal import CLibXML2
internal import CLibXML2Shim

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Walks a subtree (of libxml2's tree or a flat one) in document order without recursion, so deeply nested pages cannot
/// exhaust the stack. Valid only while the owning document is alive, on its thread.
enum DOMWalker {
    /// What to do after entering an element.
    enum Step { case descend, skip }

    /// Visits `root`'s descendants in `tree`: `enter` for every node (return `.skip` to leave its
    /// children out), `exit` for every element entered with `.descend`, after its children.
    @inline(__always)
    static func walk<Tree: HTMLTree>(
        _ tree: Tree, _ root: Tree.Node, enter: (Tree.Node) -> Step, exit: (Tree.Node) -> Void
    ) {
        var node = tree.firstChild(root)
        while let current = node {
            let isElement = tree.isElement(current)
            let step = enter(current)
            if step == .descend, isElement, let child = tree.firstChild(current) {
                node = child
                continue
            }
            if step == .descend, isElement { exit(current) }
            // Climb until a node has a next sibling, leaving each finished element.
            var climbing: Tree.Node? = current
            node = nil
            while let up = climbing {
                if let next = tree.next(up) {
                    node = next
                    break
                }
                guard let parent = tree.parent(up), parent != root else { break }
                if tree.isElement(parent) { exit(parent) }
                climbing = parent
            }
        }
    }

    /// The lower-case element name (libxml2's HTML parser lower-cases tag names already).
    static func name(_ node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name)
    }

    /// Whether the node is a text or CDATA node.
    static func isText(_ node: xmlNodePtr) -> Bool {
        node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE
    }

    /// The text of a text node, read in place (no libxml2 allocation).
    static func text(_ node: xmlNodePtr) -> String {
        guard let content = node.pointee.content else { return "" }
        return String(cString: content)
    }

    /// Whether the node is an element named `name` (lower-case), compared in place.
    static func isElement(_ node: xmlNodePtr, named name: StaticString) -> Bool {
        guard node.pointee.type == XML_ELEMENT_NODE, let own = node.pointee.name else { return false }
        return strcmp(
            UnsafeRawPointer(own).assumingMemoryBound(to: CChar.self),
            UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    /// Appends the value of the attribute `name` (exact name, as `xmlGetProp` matches it) to
    /// `bytes`; a plain value is read in place, anything else through libxml2.
    static func appendAttribute(_ node: xmlNodePtr, _ name: StaticString, to bytes: inout [UInt8]) {
        let wanted = UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)
        var property = node.pointee.properties
        while let current = property {
            if let own = current.pointee.name,
                strcmp(UnsafeRawPointer(own).assumingMemoryBound(to: CChar.self), wanted) == 0
            {
                if let child = current.pointee.children, child.pointee.next == nil,
                    child.pointee.type == XML_TEXT_NODE, let content = child.pointee.content
                {
                    var pointer = content
                    while pointer.pointee != 0 {
                        bytes.append(pointer.pointee)
                        pointer += 1
                    }
                    return
                }
                break
            }
            property = current.pointee.next
        }
        guard property != nil, let value = xmlGetProp(node, name.utf8Start) else { return }
        defer { provstat_xml_free(value) }
        var pointer = value
        while pointer.pointee != 0 {
            bytes.append(pointer.pointee)
            pointer += 1
        }
    }
}
