import Foundation
import Testing

@testable import ProvstatSnapshot

/// Issue 12, linear writing: a snapshot or `extract --json` with hundreds of thousands of
/// members is encoded in time and memory linear in its size (appending to a container used
/// to copy it). The time limit is a hang guard. Run alone with `swift test --filter Hostile`.
@Suite("Hostile scale of JSON", .timeLimit(.minutes(2)))
struct HostileScaleTests {
    struct Item: Encodable {
        let index: Int
        let raw: String
    }

    struct Document: Encodable {
        let items: [Item]
        let byKey: [String: Int]
    }

    @Test("200,000 array items and 100,000 members encode whole")
    func largeContainers() throws {
        let document = Document(
            items: (0..<200_000).map { Item(index: $0, raw: "\($0),5 tỷ đồng") },
            byKey: Dictionary(uniqueKeysWithValues: (0..<100_000).map { ("k\($0)", $0) }))
        let tree = try JSONValueEncoder().encode(document)
        guard case .object(let members) = tree, case .array(let items)? = members["items"],
            case .object(let keyed)? = members["byKey"]
        else {
            Issue.record("unexpected tree shape")
            return
        }
        #expect(items.count == 200_000)
        #expect(keyed.count == 100_000)
        #expect(items.last == .object(["index": .number("199999"), "raw": .string("199999,5 tỷ đồng")]))
        let data = tree.canonicalData()
        #expect(data.count > 200_000 * 40)
    }
}
