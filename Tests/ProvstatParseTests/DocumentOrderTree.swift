@testable import ProvstatParse

/// A tree whose nodes are ordered by document order, whatever the order of the underlying nodes
/// (libxml2's are ordered by address, which malloc hands out in any order): detection breaks ties
/// between equal scores by node order, so two trees of the same nodes read alike through it.
struct DocumentOrderTree<Base: HTMLTree>: HTMLTree {
    struct Node: Hashable, Comparable {
        let base: Base.Node
        let rank: Int

        static func < (left: Node, right: Node) -> Bool { left.rank < right.rank }
        static func == (left: Node, right: Node) -> Bool { left.base == right.base }
        func hash(into hasher: inout Hasher) { hasher.combine(base) }
    }

    let base: Base
    private let ranks: [Base.Node: Int]

    /// The tree below `root` (its document node), every node ranked in document order.
    init(_ base: Base, root: Base.Node) {
        self.base = base
        var ranks = [root: 0]
        DOMWalker.walk(
            base, root,
            enter: { node in
                ranks[node] = ranks.count
                return .descend
            }, exit: { _ in })
        self.ranks = ranks
    }

    func node(_ base: Base.Node) -> Node { Node(base: base, rank: ranks[base] ?? -1) }

    func firstChild(_ node: Node) -> Node? { base.firstChild(node.base).map(self.node) }
    func next(_ node: Node) -> Node? { base.next(node.base).map(self.node) }
    func parent(_ node: Node) -> Node? { base.parent(node.base).map(self.node) }
    func isElement(_ node: Node) -> Bool { base.isElement(node.base) }
    func isText(_ node: Node) -> Bool { base.isText(node.base) }
    func content(_ node: Node) -> UnsafePointer<UInt8>? { base.content(node.base) }
    func textSize(_ node: Node) -> (visible: Int, commas: Int) { base.textSize(node.base) }
    func tag(_ node: Node) -> ElementTag { base.tag(node.base) }
    func isElement(_ node: Node, named name: StaticString) -> Bool { base.isElement(node.base, named: name) }
    func appendAttribute(_ node: Node, _ name: StaticString, to bytes: inout [UInt8]) {
        base.appendAttribute(node.base, name, to: &bytes)
    }
    func spanText(_ node: Node, _ attribute: StaticString) -> String? { base.spanText(node.base, attribute) }
    func mark(_ node: Node) -> Int { base.mark(node.base) }
    func setMark(_ node: Node, _ value: Int) { base.setMark(node.base, value) }
}
