internal import CLibXML2Shim

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `FlatDocument`'s nodes, as detection and block collection read them: indices into buffers
/// the document owns (valid while it is alive).
struct FlatTree: HTMLTree {
    typealias Node = Int32

    static let document: Int32 = 0
    private static let element = Int32(PROVSTAT_FLAT_ELEMENT)
    private static let text = Int32(PROVSTAT_FLAT_TEXT)
    private static let cdata = Int32(PROVSTAT_FLAT_CDATA)

    let nodes: UnsafeMutablePointer<provstat_flat_node>
    let attributes: UnsafePointer<provstat_flat_attribute>?
    let text: UnsafePointer<UInt8>
    /// The tag of each distinct element name.
    let tags: UnsafePointer<ElementTag>
    let names: UnsafePointer<CChar>
    let nameOffsets: UnsafePointer<UInt32>

    @inline(__always) func firstChild(_ node: Int32) -> Int32? {
        let child = nodes[Int(node)].first_child
        return child < 0 ? nil : child
    }

    @inline(__always) func next(_ node: Int32) -> Int32? {
        let sibling = nodes[Int(node)].next
        return sibling < 0 ? nil : sibling
    }

    @inline(__always) func parent(_ node: Int32) -> Int32? {
        let parent = nodes[Int(node)].parent
        return parent < 0 ? nil : parent
    }

    @inline(__always) func isElement(_ node: Int32) -> Bool { nodes[Int(node)].kind == Self.element }

    @inline(__always) func isText(_ node: Int32) -> Bool {
        let kind = nodes[Int(node)].kind
        return kind == Self.text || kind == Self.cdata
    }

    @inline(__always) func content(_ node: Int32) -> UnsafePointer<UInt8>? {
        text + Int(nodes[Int(node)].start)
    }

    /// Counted by the C callbacks as the text arrived (CDATA, which detection skips, here).
    @inline(__always) func textSize(_ node: Int32) -> (visible: Int, commas: Int) {
        let record = nodes[Int(node)]
        guard record.kind == Self.text else { return LibXMLTree.measure(text + Int(record.start)) }
        return (Int(record.visible), Int(record.commas))
    }

    @inline(__always) func tag(_ node: Int32) -> ElementTag {
        let record = nodes[Int(node)]
        return record.kind == Self.element ? tags[Int(record.name)] : []
    }

    /// The element's name, NUL-terminated (only for elements).
    func name(_ node: Int32) -> UnsafePointer<CChar> {
        names + Int(nameOffsets[Int(nodes[Int(node)].name)])
    }

    func isElement(_ node: Int32, named name: StaticString) -> Bool {
        isElement(node)
            && strcmp(self.name(node), UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    func appendAttribute(_ node: Int32, _ name: StaticString, to bytes: inout [UInt8]) {
        // The first attribute so named; one without a value reads as empty, as xmlGetProp gives it.
        guard let value = attribute(node, Self.which(name)) else { return }
        if value.value >= 0 {
            bytes.append(contentsOf: UnsafeBufferPointer(start: text + Int(value.value), count: Int(value.length)))
        }
    }

    func spanText(_ node: Int32, _ attribute: StaticString) -> String? {
        guard let value = self.attribute(node, Self.which(attribute)), value.value >= 0 else { return nil }
        return String(cString: text + Int(value.value))
    }

    @inline(__always) func mark(_ node: Int32) -> Int { Int(nodes[Int(node)].mark) }

    @inline(__always) func setMark(_ node: Int32, _ value: Int) {
        nodes[Int(node)].mark = Int32(truncatingIfNeeded: value)
    }

    /// The element's kept attribute of that kind, if it has one.
    private func attribute(_ node: Int32, _ which: Int32) -> provstat_flat_attribute? {
        let record = nodes[Int(node)]
        guard record.kind == Self.element, record.length > 0, let attributes else { return nil }
        for index in Int(record.start)..<(Int(record.start) + Int(record.length)) where attributes[index].which == which
        {
            return attributes[index]
        }
        return nil
    }

    /// The kind of kept attribute a name stands for (`class`, `id`, `rowspan`, `colspan`).
    private static func which(_ name: StaticString) -> Int32 {
        switch name.utf8Start.pointee {
        case UInt8(ascii: "i"): Int32(PROVSTAT_FLAT_ID)
        case UInt8(ascii: "r"): Int32(PROVSTAT_FLAT_ROWSPAN)
        case UInt8(ascii: "c") where name.utf8CodeUnitCount > 1 && name.utf8Start[1] == UInt8(ascii: "o"):
            Int32(PROVSTAT_FLAT_COLSPAN)
        default: Int32(PROVSTAT_FLAT_CLASS)
        }
    }
}
