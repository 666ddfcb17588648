internal import CLibXML2
internal import CLibXML2Shim

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// libxml2's tree of an `HTMLDocument`, as detection and block collection read it.
struct LibXMLTree: HTMLTree {
    typealias Node = xmlNodePtr

    @inline(__always) func firstChild(_ node: xmlNodePtr) -> xmlNodePtr? { node.pointee.children }
    @inline(__always) func next(_ node: xmlNodePtr) -> xmlNodePtr? { node.pointee.next }
    @inline(__always) func parent(_ node: xmlNodePtr) -> xmlNodePtr? { node.pointee.parent }
    @inline(__always) func isElement(_ node: xmlNodePtr) -> Bool { node.pointee.type == XML_ELEMENT_NODE }

    @inline(__always) func isText(_ node: xmlNodePtr) -> Bool {
        node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE
    }

    @inline(__always) func content(_ node: xmlNodePtr) -> UnsafePointer<UInt8>? {
        node.pointee.content.map { UnsafePointer($0) }
    }

    func textSize(_ node: xmlNodePtr) -> (visible: Int, commas: Int) {
        guard let content = node.pointee.content else { return (0, 0) }
        return Self.measure(UnsafePointer(content))
    }

    /// The bytes above 0x20 and the commas of a NUL-terminated text.
    static func measure(_ content: UnsafePointer<UInt8>) -> (visible: Int, commas: Int) {
        // The length first (the C library's strlen is vectorised), then a loop without an early
        // exit, which the compiler vectorises too.
        let count = strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
        var visible = 0
        var commas = 0
        for byte in UnsafeBufferPointer(start: content, count: count) {
            visible &+= byte > 0x20 ? 1 : 0
            commas &+= byte == UInt8(ascii: ",") ? 1 : 0
        }
        return (visible, commas)
    }

    @inline(__always) func tag(_ node: xmlNodePtr) -> ElementTag { ElementTag.of(node) }

    func isElement(_ node: xmlNodePtr, named name: StaticString) -> Bool {
        DOMWalker.isElement(node, named: name)
    }

    func appendAttribute(_ node: xmlNodePtr, _ name: StaticString, to bytes: inout [UInt8]) {
        DOMWalker.appendAttribute(node, name, to: &bytes)
    }

    func spanText(_ node: xmlNodePtr, _ attribute: StaticString) -> String? {
        // Attributes are read in place: most cells have none, and allocating for each is slow.
        var property = node.pointee.properties
        while let current = property {
            if let name = current.pointee.name,
                strcasecmp(
                    UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self),
                    UnsafeRawPointer(attribute.utf8Start).assumingMemoryBound(to: CChar.self)) == 0,
                let text = current.pointee.children?.pointee.content
            {
                return String(cString: text)
            }
            property = current.pointee.next
        }
        return nil
    }

    @inline(__always) func mark(_ node: xmlNodePtr) -> Int {
        node.pointee._private.map { Int(bitPattern: $0) } ?? 0
    }

    @inline(__always) func setMark(_ node: xmlNodePtr, _ value: Int) {
        node.pointee._private = UnsafeMutableRawPointer(bitPattern: value)
    }
}
