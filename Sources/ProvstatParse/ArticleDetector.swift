import Foundation

/// Finds the element holding a page's article body, leaving menus, counters and footers out.
///
/// Readability-style: every paragraph of real text (long, with commas, few links) scores for the
/// element that contains it and, by half, for that element's parent; the best-scoring container,
/// discounted by its link density and by furniture-like class names, is the article.
struct ArticleDetector<Tree: HTMLTree> {
    typealias Node = Tree.Node

    let tree: Tree

    /// Text and link-text sizes of one element's subtree (in UTF-8 bytes, whitespace left out).
    struct Density {
        var text = 0
        var link = 0
        var commas = 0

        /// The share of the text that sits inside links.
        var linkDensity: Double { text == 0 ? 0 : Double(link) / Double(text) }
    }

    /// The elements that hold text, each with its sizes; an element's slot here is stored as its mark.
    private var slots: [Slot] = []

    /// An element that holds text.
    private struct Slot {
        let node: Node
        /// The sizes of its whole subtree.
        var density = Density()
        /// Text sitting directly in the element (not in a nested paragraph or container).
        var own = Density()
    }

    /// An element being walked: its sizes so far and where its own text goes.
    private struct Frame {
        let node: Node
        let tag: ElementTag
        /// The stack index of the nearest paragraph or container, itself included (-1: none).
        let block: Int
        var density = Density()
        var own = Density()
        var slot = -1
    }

    /// The open elements of the walk, innermost last, in memory of their own: frames are read and
    /// written for every text node, where an array's uniqueness and bounds checks cost more than
    /// the sums. Freed by `release()`.
    private struct FrameStack {
        private(set) var base: UnsafeMutablePointer<Frame>
        private(set) var count = 0
        private var capacity = 64

        init() { base = .allocate(capacity: capacity) }

        subscript(index: Int) -> Frame {
            unsafeAddress { UnsafePointer(base + index) }
            nonmutating unsafeMutableAddress { base + index }
        }

        mutating func push(_ frame: Frame) {
            if count == capacity {
                let grown = UnsafeMutablePointer<Frame>.allocate(capacity: 2 * capacity)
                grown.moveInitialize(from: base, count: count)
                base.deallocate()
                base = grown
                capacity *= 2
            }
            (base + count).initialize(to: frame)
            count += 1
        }

        mutating func pop() -> Frame {
            count -= 1
            return (base + count).move()
        }

        func release() {
            base.deinitialize(count: count)
            base.deallocate()
        }
    }

    /// Measures `body` and every element under it in one walk: text is counted at its element,
    /// and an element's sizes are added to its parent's when the walk leaves it. Uses the
    /// elements' marks: one detector per document, which must not be shared.
    init(tree: Tree, body: Node) {
        self.tree = tree
        tree.setMark(body, 0)
        let bodyTag = tree.tag(body)
        var stack = FrameStack()
        defer { stack.release() }
        stack.push(Frame(node: body, tag: bodyTag, block: bodyTag.isDisjoint(with: [.container, .paragraph]) ? -1 : 0))
        // A page's elements that hold text are a few hundred: room for them saves regrowing.
        slots.reserveCapacity(512)
        var openLinks = 0
        DOMWalker.walk(
            tree, body,
            enter: { node in
                if tree.isText(node) {
                    self.measure(text: node, inLink: openLinks > 0, stack: stack)
                    return .skip
                }
                guard tree.isElement(node) else { return .skip }
                let tag = tree.tag(node)
                guard !tag.contains(.skipped) else { return .skip }
                tree.setMark(node, 0)
                if tag.contains(.link) { openLinks += 1 }
                let isBlock = !tag.isDisjoint(with: [.container, .paragraph])
                stack.push(Frame(node: node, tag: tag, block: isBlock ? stack.count : stack[stack.count - 1].block))
                return .descend
            },
            exit: { _ in
                let frame = stack.pop()
                if frame.tag.contains(.link) { openLinks -= 1 }
                self.close(frame, into: &stack[stack.count - 1])
            })
        let top = stack.pop()
        if top.slot >= 0 {
            slots[top.slot].density = top.density
            slots[top.slot].own = top.own
        }
    }

    /// Stores a finished element's sizes and adds them to its parent's.
    private mutating func close(_ frame: Frame, into parent: inout Frame) {
        if frame.slot >= 0 {
            slots[frame.slot].density = frame.density
            slots[frame.slot].own = frame.own
        }
        parent.density.text += frame.density.text
        parent.density.link += frame.density.link
        parent.density.commas += frame.density.commas
    }

    /// The element most likely to hold the article, or nil when no paragraph has real text.
    func articleRoot() -> Node? {
        // Scores by slot: a container scores for text below it, so it has one. One without (above
        // the body, say) is kept by node.
        var scores = [Double?](repeating: nil, count: slots.count)
        var unslotted: [Node: Double] = [:]
        for slot in slots.indices where slots[slot].own.text >= 25 {
            let own = slots[slot].own
            let block = slots[slot].node
            let score =
                (1 + Double(own.commas) + min(Double(own.text) / 100, 3)) * (1 - slots[slot].density.linkDensity)
            var target: Node? = tree.tag(block).contains(.container) ? block : tree.parent(block)
            // A paragraph counts fully for its container and half for the one above.
            for weight in [1.0, 0.5] {
                guard let current = target, tree.isElement(current) else { break }
                if tree.tag(current).contains(.container) {
                    if let slot = self.slot(of: current) {
                        scores[slot] = (scores[slot] ?? 0) + score * weight
                    } else {
                        unslotted[current, default: 0] += score * weight
                    }
                }
                target = tree.parent(current)
            }
        }
        var ranked: [(node: Node, score: Double)] = []
        for slot in scores.indices {
            guard let score = scores[slot] else { continue }
            ranked.append((slots[slot].node, score * (1 - slots[slot].density.linkDensity)))
        }
        for (node, score) in unslotted { ranked.append((node, score * (1 - linkDensity(of: node)))) }
        ranked.sort { $0.score > $1.score || ($0.score == $1.score && $0.node < $1.node) }
        // Names are read only for candidates that a ×1.5 bonus could still lift to the top.
        var best: (node: Node, score: Double)? = nil
        for candidate in ranked {
            if let best, candidate.score * 1.5 < best.score { break }
            let value = candidate.score * Self.nameWeight(candidate.node, in: tree)
            if best == nil || value > best!.score { best = (candidate.node, value) }
        }
        return best?.node
    }

    /// The link density of an element (0 when unknown).
    func linkDensity(of node: Node) -> Double {
        slot(of: node).map { slots[$0].density.linkDensity } ?? 0
    }

    /// The element's slot, if it holds text.
    private func slot(of node: Node) -> Int? {
        let slot = tree.mark(node) - 1
        return slot >= 0 && slot < slots.count && slots[slot].node == node ? slot : nil
    }

    /// A new slot for the element.
    private mutating func makeSlot(for node: Node) -> Int {
        slots.append(Slot(node: node))
        tree.setMark(node, slots.count)
        return slots.count - 1
    }

    /// Whether the element's class or id names it as page furniture.
    func isFurnitureNamed(_ node: Node) -> Bool {
        Self.nameWeight(node, in: tree) < 0.5
    }

    // MARK: - Measuring

    /// Counts a text node for its element (the elements above get it when the walk leaves) and
    /// for its nearest paragraph or container.
    private mutating func measure(text node: Node, inLink: Bool, stack: FrameStack) {
        let (length, commas) = tree.textSize(node)
        guard length > 0 else { return }
        // Slots go to the open elements that have none yet, innermost first: the order in which
        // they first hold text, which is the order their scores are summed in.
        var level = stack.count - 1
        while level >= 0, stack[level].slot < 0 {
            stack[level].slot = makeSlot(for: stack[level].node)
            level -= 1
        }
        let top = stack.count - 1
        stack[top].density.text += length
        stack[top].density.commas += commas
        if inLink { stack[top].density.link += length }
        let block = stack[top].block
        if block >= 0 {
            stack[block].own.text += length
            stack[block].own.commas += commas
            if inLink { stack[block].own.link += length }
        }
    }

    /// The weight of an element's class and id (`ClassNameWeight`).
    private static func nameWeight(_ node: Node, in tree: Tree) -> Double {
        var label: [UInt8] = []
        tree.appendAttribute(node, "class", to: &label)
        let classLength = label.count
        tree.appendAttribute(node, "id", to: &label)
        // Most elements have neither: no label to build (" " weighs 1).
        guard !label.isEmpty else { return 1 }
        label.insert(0x20, at: classLength)
        // Lower-cased in place: the label is this call's own.
        return label.withUnsafeMutableBufferPointer { ClassNameWeight.of(lowering: $0) }
    }
}
